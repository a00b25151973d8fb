# syntax=docker/dockerfile:1.7
# Dev login server (Keycloak-compatible OIDC on oidc-provider) for demos WITHOUT Keycloak.
# Never use it in production: accounts and passwords come from seeds/identity/demo-accounts.json.
# Build context = the repository root:
#   docker build -f docker/dev-idp.Dockerfile -t dieu-hanh/dev-idp .
# Context filtered by docker/dev-idp.Dockerfile.dockerignore.
#
# NOT built on the development machines (no Docker engine there); tools/docker-check verifies the
# COPY sources statically. Assumes apps/dev-idp generates dist/apps/dev-idp/package.json like the API.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
ARG NPM_VERSION=11.19.1
ARG NPM_REGISTRY=https://registry.npmjs.org/
ENV npm_config_registry=${NPM_REGISTRY} \
    NX_DAEMON=false \
    NX_NO_CLOUD=true \
    CI=true
WORKDIR /repo
RUN npm install -g "npm@${NPM_VERSION}" --no-audit --no-fund
# `npm install`, not `npm ci` (see api.Dockerfile).
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm install --no-audit --no-fund
COPY . .
RUN npx nx build dev-idp --output-style=static \
 && test -f dist/apps/dev-idp/main.js \
 && test -f dist/apps/dev-idp/package.json

FROM ${NODE_IMAGE} AS runtime
ARG NPM_REGISTRY=https://registry.npmjs.org/
ENV NODE_ENV=production \
    npm_config_registry=${NPM_REGISTRY} \
    npm_config_update_notifier=false \
    PORT=8080 \
    SEEDS_DIR=/app/seeds
WORKDIR /app
COPY --from=build /repo/dist/apps/dev-idp/package*.json ./
RUN --mount=type=cache,target=/root/.npm npm install --omit=dev --no-audit --no-fund
COPY --from=build /repo/dist/apps/dev-idp/ ./
# Realms, clients, roles and demo accounts are read from here at start.
COPY --from=build /repo/seeds/ ./seeds/
USER node
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/realms/ha-noi/.well-known/openid-configuration').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "main.js"]
