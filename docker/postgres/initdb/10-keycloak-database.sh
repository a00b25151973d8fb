#!/bin/sh
# Runs once, when the postgres volume is initialised (docker-entrypoint-initdb.d): creates the
# separate role and database Keycloak uses, so identity data never shares a schema with the API's.
# Changing KEYCLOAK_DB_* later has no effect on an existing volume (see docker/README.md).
set -eu
: "${KEYCLOAK_DB_NAME:?KEYCLOAK_DB_NAME is not set}"
: "${KEYCLOAK_DB_USER:?KEYCLOAK_DB_USER is not set}"
: "${KEYCLOAK_DB_PASSWORD:?KEYCLOAK_DB_PASSWORD is not set}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v kc_db="$KEYCLOAK_DB_NAME" -v kc_user="$KEYCLOAK_DB_USER" -v kc_password="$KEYCLOAK_DB_PASSWORD" \
  -v app_db="$POSTGRES_DB" <<'SQL'
CREATE ROLE :"kc_user" LOGIN PASSWORD :'kc_password';
CREATE DATABASE :"kc_db" OWNER :"kc_user" ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE :"kc_db" FROM PUBLIC;
-- Keycloak's role must not reach the API's database either.
REVOKE ALL ON DATABASE :"app_db" FROM PUBLIC;
SQL
echo "initdb: created database ${KEYCLOAK_DB_NAME} owned by ${KEYCLOAK_DB_USER}"
