# syntax=docker/dockerfile:1.7
# The public entry: nginx serving the three Angular shells and the micro-frontend remotes as static
# files, and proxying /api, /realms… (docker/proxy/nginx.conf). Build context = the repository root.
#
# NOT built on the development machines (no Docker engine there); tools/docker-check verifies the
# COPY sources statically.

ARG NODE_IMAGE=node:20-bookworm-slim
# The unprivileged variant runs nginx as uid 101, not root.
ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:1.27-alpine

# 1. build the shells and remotes (production builds).
FROM ${NODE_IMAGE} AS build
ARG NPM_VERSION=11.19.1
ARG NPM_REGISTRY=https://registry.npmjs.org/
ENV npm_config_registry=${NPM_REGISTRY} NX_DAEMON=false NX_NO_CLOUD=true CI=true
WORKDIR /repo
RUN npm install -g "npm@${NPM_VERSION}" --no-audit --no-fund
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm install --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build -p city-shell department-shell ward-portal mfe-directory mfe-plans --output-style=static \
 && test -f dist/apps/city-shell/browser/index.html

# 2. nginx with the files under the paths the proxy serves; each shell's <base href> is its path.
FROM ${NGINX_IMAGE} AS runtime
USER root
COPY docker/proxy/nginx.conf /etc/nginx/nginx.conf
COPY docker/proxy/40-dieu-hanh-web-config.sh /docker-entrypoint.d/40-dieu-hanh-web-config.sh
COPY --from=build /repo/dist/apps/city-shell/browser/ /srv/www/city/
COPY --from=build /repo/dist/apps/department-shell/browser/ /srv/www/department/
COPY --from=build /repo/dist/apps/ward-portal/browser/ /srv/www/ward/
COPY --from=build /repo/dist/apps/mfe-directory/browser/ /srv/www/mfe/mfe-directory/
COPY --from=build /repo/dist/apps/mfe-plans/browser/ /srv/www/mfe/mfe-plans/
RUN chmod +x /docker-entrypoint.d/40-dieu-hanh-web-config.sh \
 && sed -i 's#<base href="/">#<base href="/city/">#' /srv/www/city/index.html \
 && sed -i 's#<base href="/">#<base href="/department/">#' /srv/www/department/index.html \
 && sed -i 's#<base href="/">#<base href="/ward/">#' /srv/www/ward/index.html \
 && chown -R 101:101 /srv/www
USER 101
EXPOSE 8000
