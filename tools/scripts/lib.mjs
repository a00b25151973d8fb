// Helpers shared by the start and test scripts. Plain Node (no dependencies), so they run on a fresh
// clone before `npm install`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Installs dependencies from the repo's own lock file when node_modules is missing or stale. */
export function ensureInstalled() {
  const marker = join(root, 'node_modules/.package-lock.json');
  const stale =
    !existsSync(marker) ||
    statSync(join(root, 'package-lock.json')).mtimeMs > statSync(marker).mtimeMs + 1000 ||
    statSync(join(root, 'package.json')).mtimeMs > statSync(marker).mtimeMs + 1000;
  if (!stale) return;
  console.log('› npm install (dependencies missing or out of date)…');
  // `npm ci` fails on Nx lock files on this platform (see docs/stack-notes.md); `npm install` honours the lock.
  run('npm', ['install', '--no-audit', '--no-fund']);
}

export function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...options.env } });
  if (r.status !== 0) {
    console.error(`✖ ${cmd} ${args.join(' ')} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
}

export function nx(args, env = {}) {
  const pkg = JSON.parse(readFileSync(join(root, 'node_modules/nx/package.json'), 'utf8'));
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin.nx;
  run(process.execPath, [join(root, 'node_modules/nx', bin), ...args], { env: { NX_DAEMON: 'false', ...env } });
}

/** Starts `node …args` with its output prefixed by `[name]`; `onLine` sees every line too. */
export function startProcess(name, args, env, onLine) {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (line) => `[${name}] ${line}`;
  for (const stream of [child.stdout, child.stderr]) {
    let buf = '';
    stream.on('data', (d) => {
      buf += d;
      const lines = buf.split('\n');
      buf = lines.pop();
      for (const l of lines) {
        if (!l.trim()) continue;
        console.log(prefix(l));
        onLine?.(l);
      }
    });
  }
  return child;
}

export async function waitFor(url, timeoutMs = 60_000, child) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child && child.exitCode !== null) throw new Error(`${url}: process exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}

export function readJson(path) {
  return JSON.parse(readFileSync(join(root, path), 'utf8'));
}
