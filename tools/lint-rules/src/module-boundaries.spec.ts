import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * The module-boundary rules of eslint.config.mjs, each broken once on purpose: a small source text is
 * linted as if it were a file of a real library (nothing is written to disk), and the boundary error
 * must appear — naming the row that refuses it — or, for the allowed imports next to it, must not.
 */
interface Probe {
  name: string;
  filePath: string;
  importPath: string;
  /** A fragment of the expected enforce-module-boundaries message; null when the import is allowed. */
  error: string | null;
}

const probe = (name: string, filePath: string, importPath: string, error: string | null): Probe => ({ name, filePath, importPath, error });
const at = (lib: string) => `${lib}/src/lib/__boundary_probe__.ts`;

const PLANNING_DOMAIN = at('libs/api/planning/domain');
const PLANNING_APPLICATION = at('libs/api/planning/application');
const PLANNING_CONTRACTS = at('libs/api/planning/contracts');
const NOTIFICATION_APPLICATION = at('libs/api/notification/application');
const ORGANIZATION_APPLICATION = at('libs/api/organization/application');
const WEB_PLANNING_FEATURE = at('libs/web/planning/feature-plans');

const PROBES: Probe[] = [
  // Platforms: node → node + neutral, web → web + neutral, neutral → neutral only.
  probe('an API domain importing a web library', PLANNING_DOMAIN, '@dieu-hanh/web/shared/i18n', '"platform:node"'),
  probe('an API domain importing a neutral library', PLANNING_DOMAIN, '@dieu-hanh/shared/util-text', null),
  probe('a web library importing an API library', WEB_PLANNING_FEATURE, '@dieu-hanh/api/planning/contracts', '"platform:web"'),
  probe('a neutral library importing a node library', at('libs/shared/util-timeframe'), '@dieu-hanh/shared/util-seed-directory', '"platform:neutral"'),
  probe('a web utility importing a node utility', at('libs/web/shared/i18n'), '@dieu-hanh/shared/util-seed-directory', '"platform:web"'),

  // Bounded contexts: another context only through its published contracts.
  probe("planning importing organization's domain", PLANNING_APPLICATION, '@dieu-hanh/api/organization/domain', '"scope:planning"'),
  probe("planning importing organization's contracts", PLANNING_APPLICATION, '@dieu-hanh/api/organization/contracts', null),
  probe("notification importing planning's contracts", NOTIFICATION_APPLICATION, '@dieu-hanh/api/planning/contracts', null),
  probe("notification importing organization's contracts", NOTIFICATION_APPLICATION, '@dieu-hanh/api/organization/contracts', null),
  probe("notification importing planning's domain", NOTIFICATION_APPLICATION, '@dieu-hanh/api/planning/domain', '"scope:notification"'),
  probe("organization importing planning's contracts", ORGANIZATION_APPLICATION, '@dieu-hanh/api/planning/contracts', '"scope:organization"'),

  // Contracts: utilities, kernel and other contracts only; a domain may import its own context's contracts.
  probe('a domain importing its own contracts', PLANNING_DOMAIN, '@dieu-hanh/api/planning/contracts', null),
  probe('contracts importing the kernel', PLANNING_CONTRACTS, '@dieu-hanh/api/shared/kernel', null),
  probe('contracts importing the database library', PLANNING_CONTRACTS, '@dieu-hanh/api/shared/database', '"type:contracts"'),

  // Browser layers have rows of their own; web and node authentication rows do not mix.
  probe('a web UI library importing the API kernel', at('libs/web/shared/ui'), '@dieu-hanh/api/shared/kernel', '"type:ui"'),
  probe('a web UI library importing web data access', at('libs/web/shared/ui'), '@dieu-hanh/web/shared/data-access-api', null),
  probe('a web data-access library importing the API kernel', at('libs/web/shared/data-access-api'), '@dieu-hanh/api/shared/kernel', '"type:data-access"'),
  probe('web authentication importing the API kernel', at('libs/web/shared/auth'), '@dieu-hanh/api/shared/kernel', '"type:auth" and "platform:web"'),
  probe('API authentication importing the API kernel', at('libs/api/shared/auth'), '@dieu-hanh/api/shared/kernel', null),
  probe('a neutral utility importing Angular', at('libs/shared/util-timeframe'), '@angular/core', 'is not allowed to import "@angular/core"'),
  probe('a web utility importing Angular', at('libs/web/shared/i18n'), '@angular/core', null),

  // Repository tooling is not a library: nothing imports it.
  probe('a library importing tools/docker-check', at('libs/api/shared/kernel'), '../../../../../tools/docker-check/src', 'relative or absolute path'),

  // End-to-end suites import the e2e support library, not libraries' insides.
  probe('an e2e suite importing the e2e support library', 'apps/api-e2e/src/__boundary_probe__.e2e.ts', '@dieu-hanh/testing/e2e-support', null),
  probe('an e2e suite importing an API feature library', 'apps/api-e2e/src/__boundary_probe__.e2e.ts', '@dieu-hanh/api/planning/feature', '"type:e2e"'),
];

interface Constraint {
  sourceTag?: string;
  allSourceTags?: string[];
  onlyDependOnLibsWithTags?: string[];
}
interface Output {
  results: { ruleId: string | null; message: string }[][];
  depConstraints: Constraint[];
  projects: { name: string; root: string; tags: string[] }[];
}

describe('module boundaries (eslint.config.mjs)', () => {
  let out: Output;

  beforeAll(() => {
    const input = JSON.stringify({
      probes: PROBES.map((p) => ({ filePath: p.filePath, code: `import { probe } from '${p.importPath}';\nexport const used = probe;\n` })),
    });
    const stdout = execFileSync(process.execPath, [resolve(__dirname, 'lint-probes.mjs')], {
      input,
      env: { ...process.env, NX_DAEMON: 'false' },
      maxBuffer: 64 * 1024 * 1024,
    });
    out = JSON.parse(stdout.toString());
  });

  it.each(PROBES.map((p, i) => [p.name, p, i] as const))('%s', (_name, p, i) => {
    const messages = out.results[i];
    if (p.error === null) expect(messages).toEqual([]);
    else {
      expect(messages).toHaveLength(1);
      expect(messages[0].ruleId).toBe('@nx/enforce-module-boundaries');
      expect(messages[0].message).toContain(p.error);
    }
  });

  it('every type, scope and platform tag of every project has a row of its own', () => {
    const sources = new Set(out.depConstraints.flatMap((c) => (c.sourceTag ? [c.sourceTag] : (c.allSourceTags ?? []))));
    const used = [...new Set(out.projects.flatMap((p) => p.tags))].filter((t) => /^(type|scope|platform):/.test(t));
    expect(used.filter((t) => !sources.has(t))).toEqual([]);
  });

  it('a type used on two platforms is constrained per platform (no plain row mixes node and web)', () => {
    const platformsOf = (type: string) => new Set(out.projects.filter((p) => p.tags.includes(type)).flatMap((p) => p.tags.filter((t) => t.startsWith('platform:'))));
    const layered = ['type:util', 'type:auth'];
    for (const type of layered) {
      expect(platformsOf(type).has('platform:node') && platformsOf(type).has('platform:web')).toBe(true);
      expect(out.depConstraints.filter((c) => c.sourceTag === type)).toEqual([]);
      for (const platform of platformsOf(type)) {
        expect(out.depConstraints.some((c) => c.allSourceTags?.includes(type) && c.allSourceTags.includes(platform))).toBe(true);
      }
    }
  });

  it('tools are importable by no library or app: only tool rows admit type:tool', () => {
    const tools = out.projects.filter((p) => p.root.startsWith('tools/'));
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(['tools-docker-check', 'tools-lint-rules']));
    for (const t of tools) expect(t.tags).toEqual(expect.arrayContaining(['type:tool', 'scope:tools']));
    const admitting = out.depConstraints.filter((c) => c.onlyDependOnLibsWithTags?.some((t) => t === 'type:tool' || t === 'scope:tools' || t === '*'));
    expect(admitting.map((c) => c.sourceTag ?? c.allSourceTags)).toEqual(['type:tool', 'scope:tools', 'scope:app']);
  });

  it('another context is reachable only through a published:<context> library, and those are contracts', () => {
    const published = out.projects.filter((p) => p.tags.some((t) => t.startsWith('published:')));
    expect(published.length).toBeGreaterThan(0);
    for (const p of published) expect(p.tags).toContain('type:contracts');
  });
});
