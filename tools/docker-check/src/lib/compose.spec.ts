import { writeTree } from '../testing/write-tree';
import {
  checkDependsOn,
  checkEnvFiles,
  checkImagesAndBuilds,
  checkMounts,
  containerPortsOf,
  environmentOf,
  loadCompose,
  publishedPortsOf,
  type ComposeFile,
} from './compose';

const messages = (p: { message: string }[]) => p.map((x) => x.message);

function load(text: string, env: Record<string, string> = {}): ComposeFile {
  const loaded = loadCompose(text, env);
  expect(loaded.problems).toEqual([]);
  if (!loaded.compose) throw new Error('no compose');
  return loaded.compose;
}

describe('loadCompose', () => {
  it('applies anchors and merge keys, interpolates values and lists the variables outside comments', () => {
    const loaded = loadCompose(
      [
        '# ${IN_A_COMMENT} is not a variable',
        'x-base: &base',
        '  image: app:${TAG:-local}',
        'services:',
        '  a:',
        '    <<: *base',
        '    environment:',
        '      URL: http://${HOST:?set HOST}:8000',
        '  b:',
        '    <<: *base',
        '    command: ["sh", "-c", "echo $${HOME}"]',
      ].join('\n'),
      { HOST: 'example' },
    );
    expect(loaded.problems).toEqual([]);
    expect(loaded.compose?.services['a']['image']).toBe('app:local');
    expect(loaded.compose?.services['b']['image']).toBe('app:local');
    expect(environmentOf(loaded.compose?.services['a'] ?? {})).toEqual({ URL: 'http://example:8000' });
    expect(loaded.compose?.services['b']['command']).toEqual(['sh', '-c', 'echo ${HOME}']);
    expect([...new Set(loaded.variables.map((v) => v.name))]).toEqual(['TAG', 'HOST']);
  });

  it('reports YAML that does not parse', () => {
    const loaded = loadCompose('services:\n  a:\n    image: [unclosed\n', {});
    expect(loaded.compose).toBeUndefined();
    expect(loaded.problems[0].message).toMatch(/^YAML: /);
  });

  it('reports a file without services', () => {
    expect(messages(loadCompose('volumes: {}\n', {}).problems)).toEqual(['no `services:` mapping']);
  });
});

describe('checks on a compose folder', () => {
  const tree = writeTree({
    'repo/package.json': '{}',
    'repo/docker/app.Dockerfile': 'FROM node:20\nUSER node\n',
    'repo/docker/proxy/nginx.conf': 'events {}\n',
    'repo/docker/app.env': 'A=1\n',
  });
  const dockerDir = `${tree.root}/repo/docker`;
  afterAll(() => tree.cleanup());

  it('accepts images, builds with existing Dockerfiles, existing mounts and env files', () => {
    const compose = load(
      [
        'services:',
        '  app:',
        '    build: { context: .., dockerfile: docker/app.Dockerfile }',
        '    env_file: [app.env, { path: optional.env, required: false }]',
        '    volumes: [data:/data, ./proxy/nginx.conf:/etc/nginx/nginx.conf:ro, { type: bind, source: ./proxy, target: /p }]',
        '  db:',
        '    image: postgres:17',
        'volumes:',
        '  data:',
      ].join('\n'),
    );
    expect([
      ...checkImagesAndBuilds(compose, dockerDir),
      ...checkMounts(compose, dockerDir),
      ...checkEnvFiles(compose, dockerDir),
    ]).toEqual([]);
  });

  it('reports a build whose Dockerfile is missing, a missing context and a service with neither image nor build', () => {
    const compose = load(
      [
        'services:',
        '  api:',
        '    build: { context: .., dockerfile: docker/api.Dockerfile }',
        '  web:',
        '    build: ../nowhere',
        '  idle:',
        '    command: ["true"]',
      ].join('\n'),
    );
    expect(messages(checkImagesAndBuilds(compose, dockerDir))).toEqual([
      'service idle has neither image nor build',
      `service api: Dockerfile ${tree.root}/repo/docker/api.Dockerfile does not exist`,
      `service web: build context ${tree.root}/repo/nowhere is not a folder`,
    ]);
  });

  it('reports missing bind-mount sources and undeclared named volumes, except optional targets', () => {
    const compose = load(
      [
        'services:',
        '  proxy:',
        '    image: nginx',
        '    volumes: [./proxy/missing.conf:/etc/nginx/nginx.conf:ro, cache:/cache, ./keycloak/realms:/import:ro]',
      ].join('\n'),
    );
    expect(messages(checkMounts(compose, dockerDir, ['/import']))).toEqual([
      `service proxy: bind mount source ./proxy/missing.conf does not exist (relative to ${dockerDir})`,
      'service proxy: named volume cache is not declared under top-level volumes',
    ]);
    expect(checkMounts(compose, dockerDir)).toHaveLength(3);
  });

  it('reports a missing env_file', () => {
    const compose = load('services:\n  a:\n    image: x\n    env_file: secrets.env\n');
    expect(messages(checkEnvFiles(compose, dockerDir))).toEqual([
      'service a: env_file secrets.env does not exist',
    ]);
  });
});

describe('checkDependsOn', () => {
  it('accepts existing services with valid conditions', () => {
    const compose = load(
      [
        'services:',
        '  db: { image: pg, healthcheck: { test: ["CMD", "true"] } }',
        '  migrate: { image: app, depends_on: { db: { condition: service_healthy } } }',
        '  api: { build: ., depends_on: { migrate: { condition: service_completed_successfully } } }',
        '  proxy: { image: nginx, depends_on: [api] }',
        '  seed: { image: app, profiles: [seed], depends_on: { api: { condition: service_healthy } } }',
      ].join('\n'),
    );
    expect(checkDependsOn(compose, new Set(['api']))).toEqual([]);
  });

  it('reports unknown services, unknown conditions, missing healthchecks and profile-only dependencies', () => {
    const compose = load(
      [
        'services:',
        '  db: { image: pg }',
        '  seed: { image: app, profiles: [seed] }',
        '  api:',
        '    image: app',
        '    depends_on:',
        '      postgress: { condition: service_started }',
        '      db: { condition: service_healthy }',
        '      seed: { condition: service_done }',
      ].join('\n'),
    );
    expect(messages(checkDependsOn(compose))).toEqual([
      'service api depends on postgress, which is not a service',
      'service api waits for db to be healthy, but db has no healthcheck',
      'service api: unknown depends_on condition service_done for seed',
      'service api depends on seed, which only runs with profile(s) seed',
    ]);
  });
});

describe('containerPortsOf / environmentOf', () => {
  it('reads expose and the container side of ports', () => {
    expect(
      containerPortsOf({ expose: ['3000'], ports: ['127.0.0.1:8081:8080', '9000/tcp', { target: 9443 }] }),
    ).toEqual([3000, 8080, 9000, 9443]);
  });

  it('reads the host side of ports', () => {
    expect(
      publishedPortsOf({
        ports: ['127.0.0.1:8081:8080', '8000:8000/tcp', '9000', { target: 1, published: 8443 }],
      }),
    ).toEqual([8081, 8000, 8443]);
  });

  it('reads list-form environments', () => {
    expect(environmentOf({ environment: ['A=1', 'B=x=y', 'C'] })).toEqual({ A: '1', B: 'x=y', C: '' });
  });
});
