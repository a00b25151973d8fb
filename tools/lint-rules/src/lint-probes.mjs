// Lints small source texts placed at real paths of the workspace, with the workspace's own ESLint
// configuration, and prints what @nx/enforce-module-boundaries says about each (JSON on stdout).
// Run in its own Node process by module-boundaries.spec.ts: ESLint loads eslint.config.mjs as an ES
// module, which Jest's module system cannot do without experimental flags.
//   stdin:  { "probes": [{ "filePath": "libs/…/x.ts", "code": "import …" }] }
//   stdout: { "results": [[{ "ruleId", "message" }]], "depConstraints": [...], "projects": [{ "name", "root", "tags" }] }
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { createProjectGraphAsync } from '@nx/devkit';

const root = resolve(import.meta.dirname, '../../..');
process.chdir(root);
const { probes } = JSON.parse(readFileSync(0, 'utf8'));

// The rule reads the cached project graph; compute it now, so a fresh clone (CI) and new tags are seen.
const graph = await createProjectGraphAsync({ exitOnError: true });
// LINT_PROBES_CONFIG: another config file at the root (e.g. a copy with a row removed, to see the spec fail).
const eslint = new ESLint({ cwd: root, overrideConfigFile: resolve(root, process.env.LINT_PROBES_CONFIG ?? 'eslint.config.mjs') });
const results = [];
for (const probe of probes) {
  const [result] = await eslint.lintText(probe.code, { filePath: resolve(root, probe.filePath) });
  results.push(result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries' || m.fatal).map((m) => ({ ruleId: m.ruleId, message: m.message })));
}
const config = await eslint.calculateConfigForFile(resolve(root, 'libs/api/shared/kernel/src/index.ts'));
process.stdout.write(
  JSON.stringify({
    results,
    depConstraints: config.rules['@nx/enforce-module-boundaries'][1].depConstraints,
    projects: Object.values(graph.nodes).map((n) => ({ name: n.name, root: n.data.root, tags: n.data.tags ?? [] })),
  }),
);
