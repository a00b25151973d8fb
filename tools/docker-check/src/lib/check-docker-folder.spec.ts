import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeTree } from '../testing/write-tree';
import { checkDockerFolder } from './check-docker-folder';
import { errorsOf, formatProblems } from './problem';

const REPO_DOCKER_DIR = resolve(__dirname, '../../../../docker');

describe('the repository docker/ folder', () => {
  it('passes every static check', () => {
    expect(existsSync(join(REPO_DOCKER_DIR, 'compose.yaml'))).toBe(true);
    const problems = checkDockerFolder({ dockerDir: REPO_DOCKER_DIR });
    // Warnings (e.g. realm exports not generated yet) do not fail; errors do, listed in full.
    expect(formatProblems(errorsOf(problems))).toBe('');
  });
});

/** A small but complete deployment folder; each test breaks one thing in it. */
function fixture(overrides: Record<string, string | null> = {}): Record<string, string> {
  const files: Record<string, string | null> = {
    'package.json': '{}',
    'docker/.env.example': '# demo\nDB_PASSWORD=demo-only\nPUBLIC_URL=http://app.localhost:8000\n',
    'docker/api.Dockerfile':
      'FROM node:20 AS build\nCOPY package.json ./\nRUN npm install\nFROM node:20\nCOPY --from=build /repo/dist ./\nUSER node\nHEALTHCHECK CMD true\n',
    'docker/proxy/nginx.conf':
      'events {}\nhttp {\n  server {\n    listen 8000;\n    location /api/ { proxy_pass http://api:3000/; }\n    location /realms/ { proxy_pass http://keycloak:8080; }\n  }\n}\n',
    'docker/keycloak/realms/demo-realm.json': JSON.stringify({
      realm: 'demo',
      enabled: true,
      clients: [{ clientId: 'api' }],
      roles: { realm: [] },
      users: [],
      groups: [],
    }),
    'docker/compose.yaml': [
      'services:',
      '  db:',
      '    image: postgres:17',
      '    environment: { POSTGRES_PASSWORD: "${DB_PASSWORD:?set it}" }',
      '    healthcheck: { test: ["CMD-SHELL", "pg_isready -U $${POSTGRES_USER}"] }',
      '  keycloak:',
      '    image: quay.io/keycloak/keycloak:26.2',
      '    environment: { KC_HOSTNAME: "${PUBLIC_URL:-http://app.localhost:8000}" }',
      '    volumes: [./keycloak/realms:/opt/keycloak/data/import:ro]',
      '    expose: ["8080"]',
      '  api:',
      '    build: { context: .., dockerfile: docker/api.Dockerfile }',
      '    environment:',
      '      AUTH_ISSUERS: http://app.localhost:8000/realms/demo',
      '      AUTH_AUDIENCE: api',
      '    expose: ["3000"]',
      '    depends_on: { db: { condition: service_healthy } }',
      '  proxy:',
      '    image: nginx:1.27-alpine',
      '    volumes: [./proxy/nginx.conf:/etc/nginx/nginx.conf:ro]',
      '    networks: { default: { aliases: [app.localhost] } }',
      '    depends_on: { api: { condition: service_healthy } }',
    ].join('\n'),
    ...overrides,
  };
  return Object.fromEntries(Object.entries(files).filter((e): e is [string, string] => e[1] !== null));
}

function run(overrides: Record<string, string | null> = {}): string[] {
  const tree = writeTree(fixture(overrides));
  try {
    return errorsOf(checkDockerFolder({ dockerDir: join(tree.root, 'docker') })).map(
      (p) => `${p.file}: ${p.message}`,
    );
  } finally {
    tree.cleanup();
  }
}

const compose = fixture()['docker/compose.yaml'];

describe('checkDockerFolder on fixtures', () => {
  it('passes the intact fixture', () => {
    expect(run()).toEqual([]);
  });

  it('reports a build whose Dockerfile is missing', () => {
    expect(run({ 'docker/api.Dockerfile': null })).toEqual([
      expect.stringMatching(
        /^compose\.yaml: service api: Dockerfile .*docker\/api\.Dockerfile does not exist$/,
      ),
      // …and api can no longer be waited on as healthy: its HEALTHCHECK was in that Dockerfile.
      'compose.yaml: service proxy waits for api to be healthy, but api has no healthcheck',
    ]);
  });

  it('reports an undocumented variable without a default', () => {
    expect(
      run({ 'docker/compose.yaml': compose.replace('AUTH_AUDIENCE: api', 'AUTH_AUDIENCE: ${AUDIENCE}') }),
    ).toEqual(['compose.yaml: ${AUDIENCE} has no default and is not documented in .env.example']);
  });

  it('reports a proxy_pass to a host that is not a service', () => {
    const conf = fixture()['docker/proxy/nginx.conf'].replace('http://keycloak:8080', 'http://kc:8080');
    expect(run({ 'docker/proxy/nginx.conf': conf })).toEqual([
      'proxy/nginx.conf: line 6: proxy_pass host kc is not a compose service',
    ]);
  });

  it('reports a missing bind-mount source and an unbalanced nginx.conf', () => {
    expect(run({ 'docker/proxy/nginx.conf': null })).toEqual([
      expect.stringMatching(
        /^compose\.yaml: service proxy: bind mount source \.\/proxy\/nginx\.conf does not exist/,
      ),
    ]);
    expect(run({ 'docker/proxy/nginx.conf': 'http {\n  server {\n' })).toEqual([
      'proxy/nginx.conf: line 1: "{" is never closed',
      'proxy/nginx.conf: line 2: "{" is never closed',
      // …and without its `listen 8000` the public URL's port is no longer served inside the network.
      "compose.yaml: containers resolve app.localhost to the proxy, which listens on no port, not 8000: the API could not fetch the realms' keys",
    ]);
  });

  it('reports an issuer realm without an export, and invalid exports', () => {
    expect(run({ 'docker/compose.yaml': compose.replace('realms/demo', 'realms/other') })).toEqual([
      'keycloak/realms: issuer http://app.localhost:8000/realms/other names realm other, but no export in keycloak/realms has "realm": "other"',
    ]);
    expect(run({ 'docker/keycloak/realms/demo-realm.json': '{"realm": "demo"}' })).toEqual([
      'keycloak/realms/demo-realm.json: `enabled` must be a boolean',
      'keycloak/realms/demo-realm.json: `clients` must be an array',
      'keycloak/realms/demo-realm.json: `users` must be an array',
      'keycloak/realms/demo-realm.json: `groups` must be an array',
      'keycloak/realms/demo-realm.json: `roles.realm` must be an array',
      'keycloak/realms: realm demo has no client api (AUTH_AUDIENCE)',
    ]);
  });

  it('allows the realm folder to be absent (exports not generated yet), with a warning', () => {
    const tree = writeTree(fixture({ 'docker/keycloak/realms/demo-realm.json': null }));
    try {
      const problems = checkDockerFolder({ dockerDir: join(tree.root, 'docker') });
      expect(problems.map((p) => [p.level, p.file])).toEqual([['warning', 'keycloak/realms']]);
    } finally {
      tree.cleanup();
    }
  });

  it('reports a COPY source missing from the repository and a depends_on naming no service', () => {
    expect(
      run({
        'docker/api.Dockerfile': fixture()['docker/api.Dockerfile'].replace(
          'COPY package.json',
          'COPY package-lock.json',
        ),
        'docker/compose.yaml': compose.replace('depends_on: { db:', 'depends_on: { database:'),
      }),
    ).toEqual([
      'api.Dockerfile: line 2: COPY source package-lock.json does not exist in the build context',
      'compose.yaml: service api depends on database, which is not a service',
    ]);
  });
});
