import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  aliasesOf,
  buildsOf,
  checkDependsOn,
  checkEnvFiles,
  checkImagesAndBuilds,
  checkMounts,
  containerPortsOf,
  environmentOf,
  hostPath,
  loadCompose,
  mountsOf,
  publishedPortsOf,
} from './compose';
import { checkDockerfile, hasHealthcheck } from './dockerfile';
import { type IgnoreRule, parseDockerignore } from './dockerignore';
import { parseEnvFile } from './interpolation';
import { checkBraces, checkProxyTargets, listenPorts } from './nginx';
import { checkStaticCaching } from './static-caching';
import { error, type Problem, warning } from './problem';
import { checkPublicUrl } from './public-url';
import { checkRealmsFolder, issuersOf } from './realms';
import { checkVariables } from './variables';

/** Where Keycloak reads realm exports from with `--import-realm`. */
export const KEYCLOAK_IMPORT_DIR = '/opt/keycloak/data/import';

export interface DockerFolderOptions {
  /** The folder holding compose.yaml and .env.example (docker/). */
  dockerDir: string;
  composeFile?: string;
  envExample?: string;
}

function ignoreRulesFor(dockerfile: string, contextDir: string): IgnoreRule[] {
  // BuildKit: <Dockerfile>.dockerignore beside the Dockerfile wins over the context's .dockerignore.
  for (const candidate of [`${dockerfile}.dockerignore`, join(contextDir, '.dockerignore')]) {
    if (existsSync(candidate)) return parseDockerignore(readFileSync(candidate, 'utf8'));
  }
  return [];
}

/** Runs every static check on a deployment folder. An empty list (or only warnings) means it passed. */
export function checkDockerFolder(options: DockerFolderOptions): Problem[] {
  const { dockerDir, composeFile = 'compose.yaml', envExample = '.env.example' } = options;
  const rel = (p: string) => relative(dockerDir, p) || '.';
  const composePath = join(dockerDir, composeFile);
  const envPath = join(dockerDir, envExample);
  if (!existsSync(composePath)) return [error(composeFile, 'does not exist')];
  if (!existsSync(envPath)) return [error(envExample, 'does not exist')];

  const documented = parseEnvFile(readFileSync(envPath, 'utf8'));
  const env = Object.fromEntries(documented);
  const loaded = loadCompose(readFileSync(composePath, 'utf8'), env, composeFile);
  const problems: Problem[] = [...loaded.problems];
  problems.push(...checkVariables(loaded.variables, documented, { compose: composeFile, env: envExample }));
  const compose = loaded.compose;
  if (!compose) return problems;

  problems.push(...checkImagesAndBuilds(compose, dockerDir));
  problems.push(...checkMounts(compose, dockerDir, [KEYCLOAK_IMPORT_DIR]));
  problems.push(...checkEnvFiles(compose, dockerDir));

  // Dockerfiles: COPY sources, stages, user; which built services have a HEALTHCHECK.
  const healthyBuilds = new Set<string>();
  const checkedDockerfiles = new Set<string>();
  for (const b of buildsOf(compose, dockerDir)) {
    if (!existsSync(b.dockerfile)) continue;
    const text = readFileSync(b.dockerfile, 'utf8');
    if (hasHealthcheck(text)) healthyBuilds.add(b.service);
    if (checkedDockerfiles.has(b.dockerfile)) continue;
    checkedDockerfiles.add(b.dockerfile);
    problems.push(
      ...checkDockerfile(text, {
        file: rel(b.dockerfile),
        contextDir: b.contextDir,
        ignore: ignoreRulesFor(b.dockerfile, b.contextDir),
      }),
    );
  }
  problems.push(...checkDependsOn(compose, healthyBuilds));

  // nginx configs mounted into a service.
  const serviceFacts = new Map(
    Object.entries(compose.services).map(([name, svc]) => [
      name,
      { ports: containerPortsOf(svc), aliases: aliasesOf(svc) },
    ]),
  );
  let proxy: { service: string; listen: number[] } | undefined;
  for (const m of mountsOf(compose)) {
    if (m.type !== 'bind' || !m.target.startsWith('/etc/nginx/') || !m.target.endsWith('.conf')) continue;
    const path = hostPath(dockerDir, m.source);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    problems.push(...checkBraces(text, rel(path)));
    problems.push(...checkProxyTargets(text, serviceFacts, rel(path)));
    problems.push(...checkStaticCaching(text, rel(path)));
    proxy = { service: m.service, listen: [...(proxy?.listen ?? []), ...listenPorts(text)] };
  }

  // Keycloak: realm exports and the issuer URLs built from its public hostname.
  const apiServices = Object.entries(compose.services).filter(
    ([, svc]) => environmentOf(svc)['AUTH_ISSUERS'] !== undefined,
  );
  const issuers = [
    ...new Set(apiServices.flatMap(([, svc]) => issuersOf(environmentOf(svc)['AUTH_ISSUERS']))),
  ];
  const audience = apiServices.map(([, svc]) => environmentOf(svc)['AUTH_AUDIENCE']).find(Boolean);
  const keycloak = Object.entries(compose.services).find(
    ([, svc]) => environmentOf(svc)['KC_HOSTNAME'] !== undefined,
  );
  const publicUrl = keycloak ? environmentOf(keycloak[1])['KC_HOSTNAME'] : undefined;
  for (const m of mountsOf(compose).filter((x) => x.type === 'bind' && x.target === KEYCLOAK_IMPORT_DIR)) {
    const dir = hostPath(dockerDir, m.source);
    const label = rel(dir);
    if (!existsSync(dir)) {
      problems.push(
        warning(label, 'realm exports not generated yet: Keycloak would start without the realms'),
      );
      continue;
    }
    problems.push(...checkRealmsFolder(dir, { label, issuers, audience, publicUrl }));
  }
  if (publicUrl !== undefined && proxy) {
    problems.push(
      ...checkPublicUrl(
        {
          publicUrl,
          issuers,
          proxyAliases: aliasesOf(compose.services[proxy.service]),
          proxyListenPorts: proxy.listen,
          proxyPublishedPorts: publishedPortsOf(compose.services[proxy.service]),
        },
        composeFile,
      ),
    );
  }
  return problems;
}
