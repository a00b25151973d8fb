import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, normalize, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { findVariables, interpolate, InterpolationError, type VariableUse } from './interpolation';
import { error, type Problem } from './problem';

/** A compose file after YAML parsing (anchors and `<<` merges applied) and interpolation. */
export interface ComposeFile {
  services: Record<string, Record<string, unknown>>;
  volumes: Record<string, unknown>;
  networks: Record<string, unknown>;
}

export interface LoadedCompose {
  /** Undefined when the file does not parse. */
  compose?: ComposeFile;
  /** Every variable used in a value or key (comments excluded), in order of appearance. */
  variables: VariableUse[];
  problems: Problem[];
}

const FILE = 'compose.yaml';

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function mapStrings(value: unknown, fn: (s: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn));
  if (isRecord(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [fn(k), mapStrings(v, fn)]));
  return value;
}

/** Parses compose YAML, lists the variables it uses and resolves them with `env` (e.g. .env.example). */
export function loadCompose(text: string, env: Readonly<Record<string, string>>, file = FILE): LoadedCompose {
  const problems: Problem[] = [];
  const doc = parseDocument(text, { merge: true, prettyErrors: true });
  if (doc.errors.length) {
    return {
      variables: [],
      problems: doc.errors.map((e) => error(file, `YAML: ${e.message.split('\n')[0]}`)),
    };
  }
  const raw: unknown = doc.toJS();
  if (!isRecord(raw)) return { variables: [], problems: [error(file, 'not a YAML mapping')] };

  const variables: VariableUse[] = [];
  const resolved = mapStrings(raw, (s) => {
    try {
      variables.push(...findVariables(s));
      return interpolate(s, env).value;
    } catch (e) {
      if (e instanceof InterpolationError) {
        problems.push(error(file, e.message));
        return s;
      }
      throw e;
    }
  });
  if (!isRecord(resolved) || !isRecord(resolved['services'])) {
    problems.push(error(file, 'no `services:` mapping'));
    return { variables, problems };
  }
  const services: ComposeFile['services'] = {};
  for (const [name, svc] of Object.entries(resolved['services'])) {
    if (isRecord(svc)) services[name] = svc;
    else problems.push(error(file, `service ${name} is not a mapping`));
  }
  return {
    compose: {
      services,
      volumes: isRecord(resolved['volumes']) ? resolved['volumes'] : {},
      networks: isRecord(resolved['networks']) ? resolved['networks'] : {},
    },
    variables,
    problems,
  };
}

export interface BuildInfo {
  service: string;
  contextDir: string;
  dockerfile: string;
}

/** The Dockerfile and context of every service that builds an image (paths absolute). */
export function buildsOf(compose: ComposeFile, composeDir: string): BuildInfo[] {
  const builds: BuildInfo[] = [];
  for (const [service, svc] of Object.entries(compose.services)) {
    const build = svc['build'];
    if (build === undefined) continue;
    const context =
      typeof build === 'string'
        ? build
        : isRecord(build) && typeof build['context'] === 'string'
          ? build['context']
          : '.';
    const dockerfile =
      isRecord(build) && typeof build['dockerfile'] === 'string' ? build['dockerfile'] : 'Dockerfile';
    const contextDir = resolve(composeDir, context);
    builds.push({ service, contextDir, dockerfile: resolve(contextDir, dockerfile) });
  }
  return builds;
}

/** Every service has an image or a build; every build's context and Dockerfile exist. */
export function checkImagesAndBuilds(compose: ComposeFile, composeDir: string): Problem[] {
  const problems: Problem[] = [];
  for (const [service, svc] of Object.entries(compose.services)) {
    const build = svc['build'];
    if (svc['image'] === undefined && build === undefined)
      problems.push(error(FILE, `service ${service} has neither image nor build`));
    if (typeof svc['image'] === 'string' && !svc['image'].trim())
      problems.push(error(FILE, `service ${service} has an empty image name`));
  }
  for (const b of buildsOf(compose, composeDir)) {
    const svc = compose.services[b.service];
    if (isRecord(svc['build']) && svc['build']['dockerfile_inline'] !== undefined) continue;
    if (!existsSync(b.contextDir) || !statSync(b.contextDir).isDirectory()) {
      problems.push(error(FILE, `service ${b.service}: build context ${b.contextDir} is not a folder`));
    } else if (!existsSync(b.dockerfile)) {
      problems.push(error(FILE, `service ${b.service}: Dockerfile ${b.dockerfile} does not exist`));
    }
  }
  return problems;
}

export interface Mount {
  service: string;
  type: 'bind' | 'volume' | 'other';
  source: string;
  target: string;
}

/** Volumes of every service, short (`src:dst[:mode]`) and long syntax. */
export function mountsOf(compose: ComposeFile): Mount[] {
  const mounts: Mount[] = [];
  for (const [service, svc] of Object.entries(compose.services)) {
    const volumes = Array.isArray(svc['volumes']) ? svc['volumes'] : [];
    for (const v of volumes) {
      if (typeof v === 'string') {
        const [source, target = ''] = v.split(':');
        if (!target) mounts.push({ service, type: 'volume', source: '', target: source });
        else {
          const bind = source.startsWith('.') || source.startsWith('/') || source.startsWith('~');
          mounts.push({ service, type: bind ? 'bind' : 'volume', source, target });
        }
      } else if (isRecord(v)) {
        const type = v['type'] === 'bind' ? 'bind' : v['type'] === 'volume' ? 'volume' : 'other';
        mounts.push({ service, type, source: String(v['source'] ?? ''), target: String(v['target'] ?? '') });
      }
    }
  }
  return mounts;
}

export const hostPath = (composeDir: string, source: string): string =>
  isAbsolute(source) ? normalize(source) : resolve(composeDir, source);

/**
 * Every bind-mounted host path exists (Docker would silently create a missing one as an empty
 * folder owned by root); named volumes are declared at the top level. Mounts whose container
 * target is listed in `optionalTargets` may be absent.
 */
export function checkMounts(
  compose: ComposeFile,
  composeDir: string,
  optionalTargets: readonly string[] = [],
): Problem[] {
  const problems: Problem[] = [];
  for (const m of mountsOf(compose)) {
    if (m.type === 'bind') {
      if (m.source.startsWith('~')) continue;
      if (!existsSync(hostPath(composeDir, m.source)) && !optionalTargets.includes(m.target)) {
        problems.push(
          error(
            FILE,
            `service ${m.service}: bind mount source ${m.source} does not exist (relative to ${composeDir})`,
          ),
        );
      }
    } else if (m.type === 'volume' && m.source && !(m.source in compose.volumes)) {
      problems.push(
        error(FILE, `service ${m.service}: named volume ${m.source} is not declared under top-level volumes`),
      );
    }
  }
  return problems;
}

/** Every `env_file` exists, unless declared `required: false`. */
export function checkEnvFiles(compose: ComposeFile, composeDir: string): Problem[] {
  const problems: Problem[] = [];
  for (const [service, svc] of Object.entries(compose.services)) {
    const raw = svc['env_file'];
    if (raw === undefined) continue;
    const entries = Array.isArray(raw) ? raw : [raw];
    for (const e of entries) {
      const path = typeof e === 'string' ? e : isRecord(e) ? String(e['path'] ?? '') : '';
      const required = !(isRecord(e) && e['required'] === false);
      if (required && !existsSync(join(composeDir, path)))
        problems.push(error(FILE, `service ${service}: env_file ${path} does not exist`));
    }
  }
  return problems;
}

const CONDITIONS = ['service_started', 'service_healthy', 'service_completed_successfully'];

function dependenciesOf(svc: Record<string, unknown>): { name: string; condition: string }[] {
  const d = svc['depends_on'];
  if (Array.isArray(d)) return d.map((name) => ({ name: String(name), condition: 'service_started' }));
  if (isRecord(d)) {
    return Object.entries(d).map(([name, v]) => ({
      name,
      condition: isRecord(v) && typeof v['condition'] === 'string' ? v['condition'] : 'service_started',
    }));
  }
  return [];
}

const profilesOf = (svc: Record<string, unknown>): string[] =>
  Array.isArray(svc['profiles']) ? svc['profiles'].map(String) : [];

/**
 * `depends_on` names existing services with a known condition; `service_healthy` needs a
 * healthcheck (in compose or, for built images, a HEALTHCHECK in the Dockerfile: `healthyBuilds`);
 * an always-on service cannot depend on one that only starts with a profile.
 */
export function checkDependsOn(
  compose: ComposeFile,
  healthyBuilds: ReadonlySet<string> = new Set(),
): Problem[] {
  const problems: Problem[] = [];
  for (const [service, svc] of Object.entries(compose.services)) {
    for (const dep of dependenciesOf(svc)) {
      const target = compose.services[dep.name];
      if (!target) {
        problems.push(error(FILE, `service ${service} depends on ${dep.name}, which is not a service`));
        continue;
      }
      if (!CONDITIONS.includes(dep.condition)) {
        problems.push(
          error(FILE, `service ${service}: unknown depends_on condition ${dep.condition} for ${dep.name}`),
        );
      }
      const hasHealthcheck =
        (isRecord(target['healthcheck']) && target['healthcheck']['disable'] !== true) ||
        healthyBuilds.has(dep.name);
      if (dep.condition === 'service_healthy' && !hasHealthcheck) {
        problems.push(
          error(
            FILE,
            `service ${service} waits for ${dep.name} to be healthy, but ${dep.name} has no healthcheck`,
          ),
        );
      }
      const mine = profilesOf(svc);
      const theirs = profilesOf(target);
      if (theirs.length && !theirs.some((p) => mine.includes(p))) {
        problems.push(
          error(
            FILE,
            `service ${service} depends on ${dep.name}, which only runs with profile(s) ${theirs.join(', ')}`,
          ),
        );
      }
    }
  }
  return problems;
}

/** Container ports a service declares (`expose`, and the container side of `ports`). */
export function containerPortsOf(svc: Record<string, unknown>): number[] {
  const ports: number[] = [];
  for (const e of Array.isArray(svc['expose']) ? svc['expose'] : [])
    ports.push(Number(String(e).split('/')[0]));
  for (const p of Array.isArray(svc['ports']) ? svc['ports'] : []) {
    if (isRecord(p)) ports.push(Number(p['target']));
    else {
      const spec = String(p).split('/')[0];
      ports.push(Number(spec.slice(spec.lastIndexOf(':') + 1)));
    }
  }
  return ports.filter((n) => Number.isInteger(n) && n > 0);
}

/** Host ports a service is published on (the host side of `ports`). */
export function publishedPortsOf(svc: Record<string, unknown>): number[] {
  const ports: number[] = [];
  for (const p of Array.isArray(svc['ports']) ? svc['ports'] : []) {
    if (isRecord(p)) ports.push(Number(p['published']));
    else {
      const parts = String(p).split('/')[0].split(':');
      if (parts.length >= 2) ports.push(Number(parts[parts.length - 2]));
    }
  }
  return ports.filter((n) => Number.isInteger(n) && n > 0);
}

/** Network aliases of a service on any network. */
export function aliasesOf(svc: Record<string, unknown>): string[] {
  const networks = svc['networks'];
  if (!isRecord(networks)) return [];
  return Object.values(networks).flatMap((n) =>
    isRecord(n) && Array.isArray(n['aliases']) ? n['aliases'].map(String) : [],
  );
}

/** The resolved `environment` of a service as a map (mapping or `KEY=VALUE` list form). */
export function environmentOf(svc: Record<string, unknown>): Record<string, string> {
  const env = svc['environment'];
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map(String).map((kv) => {
        const i = kv.indexOf('=');
        return i < 0 ? [kv, ''] : [kv.slice(0, i), kv.slice(i + 1)];
      }),
    );
  }
  if (isRecord(env))
    return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null ? '' : String(v)]));
  return {};
}
