#!/bin/sh
# Runs at container start (nginx image's /docker-entrypoint.d): writes each shell's deploy-time
# config.json and federation.manifest.json from the environment, so one image serves any host.
set -eu
PUBLIC_URL="${PUBLIC_URL:?set PUBLIC_URL}"
# "realm:Display name" pairs, comma-separated.
WEB_REALMS="${WEB_REALMS:-ha-noi:Thành phố Hà Nội,hai-phong:Thành phố Hải Phòng}"

realms_json=$(echo "$WEB_REALMS" | awk -F, '{ for (i = 1; i <= NF; i++) { split($i, p, ":"); printf "%s{\"realm\":\"%s\",\"name\":\"%s\"}", (i > 1 ? "," : ""), p[1], p[2] } }')
for pair in city:city-shell department:department-shell ward:ward-portal; do
  path=${pair%%:*}
  shell=${pair#*:}
  cat > "/srv/www/$path/config.json" <<JSON
{"shell":"$shell","apiUrl":"$PUBLIC_URL/api","idpUrl":"$PUBLIC_URL","realms":[$realms_json],
 "shellUrls":{"city-shell":"$PUBLIC_URL/city/","department-shell":"$PUBLIC_URL/department/","ward-portal":"$PUBLIC_URL/ward/"}}
JSON
  echo "{\"mfe-directory\":\"$PUBLIC_URL/mfe/mfe-directory/remoteEntry.json\",\"mfe-plans\":\"$PUBLIC_URL/mfe/mfe-plans/remoteEntry.json\"}" > "/srv/www/$path/federation.manifest.json"
done
