# syntax=docker/dockerfile:1.7
# Điều Hành API image. Build context = the repository root:
#   docker build -f docker/api.Dockerfile -t dieu-hanh/api .
# (docker/compose.yaml does this for you.) What goes into the context is filtered by
# docker/api.Dockerfile.dockerignore (BuildKit reads the ignore file named after the Dockerfile).
#
# NOT built on the development machines (no Docker engine there); tools/docker-check verifies the
# COPY sources statically.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------------------------
# 1. build: the whole workspace, then `nx build api` → dist/apps/api (main.js, package.json,
#    package-lock.json generated with production dependencies only).
# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
ARG NPM_VERSION=11.19.1
ARG NPM_REGISTRY=https://registry.npmjs.org/
ENV npm_config_registry=${NPM_REGISTRY} \
    NX_DAEMON=false \
    NX_NO_CLOUD=true \
    CI=true
WORKDIR /repo
# Same npm as the development machines: package.json's "allowScripts" needs npm 11.
RUN npm install -g "npm@${NPM_VERSION}" --no-audit --no-fund
# Dependencies first, so this layer is reused while only sources change.
# `npm install`, not `npm ci`: ci rejects Nx lock files that lack other platforms' optional binaries.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm install --no-audit --no-fund
COPY . .
RUN npx nx build api --output-style=static \
 && test -f dist/apps/api/main.js \
 && test -f dist/apps/api/package.json

# ---------------------------------------------------------------------------------------------
# 2. runtime: only the bundle, its production dependencies and the seed files.
# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ARG NPM_REGISTRY=https://registry.npmjs.org/
# Reports export to PDF through LibreOffice (headless); with WITH_LIBREOFFICE=0 the image is ~300 MB smaller and the
# API offers DOCX only. fonts-liberation2 has the Vietnamese capitals (Ệ, Ở) the older Liberation fonts lack.
ARG WITH_LIBREOFFICE=1
RUN if [ "$WITH_LIBREOFFICE" = "1" ]; then \
      apt-get update && apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-liberation2 \
      && rm -rf /var/lib/apt/lists/*; \
    fi
ENV NODE_ENV=production \
    npm_config_registry=${NPM_REGISTRY} \
    npm_config_update_notifier=false \
    PORT=3000 \
    HOST=0.0.0.0 \
    SEEDS_DIR=/app/seeds
WORKDIR /app
# The generated package.json (+ lock) lists exactly what main.js requires at run time.
COPY --from=build /repo/dist/apps/api/package*.json ./
RUN --mount=type=cache,target=/root/.npm npm install --omit=dev --no-audit --no-fund
COPY --from=build /repo/dist/apps/api/ ./
# `node main.js seed` reads the versioned unit directory from SEEDS_DIR.
COPY --from=build /repo/seeds/ ./seeds/
# Files stay root-owned and read-only for the process; it runs as the image's unprivileged `node`.
# Evidence files (EVIDENCE_DIR): a folder the unprivileged process owns; compose mounts a volume here
# (a new named volume takes this folder's owner).
RUN mkdir -p /var/lib/dieu-hanh/evidence && chown node:node /var/lib/dieu-hanh/evidence
ENV EVIDENCE_DIR=/var/lib/dieu-hanh/evidence
USER node
EXPOSE 3000
# /health answers 200 when the database is reachable, 503 otherwise.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Default: apply pending migrations, then serve. Also: `node main.js migrate`, `node main.js seed [--national]`.
CMD ["node", "main.js"]
