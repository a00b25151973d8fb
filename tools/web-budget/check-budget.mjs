// Performance budget of a shell, checked on its production build: the JavaScript a first visit can
// load — main, polyfills and every module of the import map (shared packages and workspace libraries) —
// gzipped, must stay within the budget. An upper bound: shared modules load only when imported.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const [project, budgetKb = '300'] = process.argv.slice(2);
if (!project) {
  console.error('usage: check-budget.mjs <shell project> [budget KB]');
  process.exit(2);
}
const dir = resolve(import.meta.dirname, '../../dist/apps', project, 'browser');
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const entry = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1]);
const importMap = JSON.parse(readFileSync(join(dir, 'importmap.json'), 'utf8')).imports ?? {};
const files = [...new Set([...entry, ...Object.values(importMap)])].filter((f) => !/^https?:/.test(f));
const sizes = files.map((f) => ({ file: f, gzip: gzipSync(readFileSync(join(dir, f))).length }));
const total = sizes.reduce((s, x) => s + x.gzip, 0);
const limit = Number(budgetKb) * 1024;
for (const s of sizes.sort((a, b) => b.gzip - a.gzip).slice(0, 5)) console.log(`  ${(s.gzip / 1024).toFixed(1).padStart(7)} KB  ${s.file}`);
console.log(`${project}: initial JavaScript ${(total / 1024).toFixed(1)} KB gzipped (budget ${budgetKb} KB, ${files.length} files)`);
if (total > limit) {
  console.error(`✖ ${project} is over its budget by ${((total - limit) / 1024).toFixed(1)} KB`);
  process.exit(1);
}
