import { error, type Problem } from './problem';

/** File names a build writes, and whether each may be cached for a year (content-hashed) or must be revalidated. */
export const STATIC_FILE_SAMPLES: readonly { name: string; immutable: boolean }[] = [
  { name: 'main-LY7DVEPU.js', immutable: true },
  { name: 'chunk-2NFLSA4Y.js', immutable: true },
  { name: 'styles-ZCR2S6UR.css', immutable: true },
  { name: '_angular_core.7XzaXjgnGk.js', immutable: true },
  { name: 'keycloak_js.y9YTkTx-0d.js', immutable: true },
  { name: '_dieu_hanh_web_shared_auth-OZYIBPQF.js', immutable: true },
  { name: 'index.html', immutable: false },
  { name: 'config.json', immutable: false },
  { name: 'sw.js', immutable: false },
  { name: 'remoteEntry.json', immutable: false },
  { name: 'federation.manifest.json', immutable: false },
  { name: 'importmap.json', immutable: false },
];

/**
 * The proxy's caching rules for the shells and remotes (issue 11): under each of /city/, /department/,
 * /ward/ and /mfe/, a regex location with `expires 1y` must match every content-hashed file name and no
 * other; index.html, config.json, sw.js and the federation files must be `expires -1` (revalidated), or a
 * phone keeps an old deployment's entry files. The same samples check the local static server.
 */
export function checkStaticCaching(nginx: string, file: string): Problem[] {
  const problems: Problem[] = [];
  // A proxy that serves no built web files has nothing to check here.
  if (!/location\s+\/(?:city|department|ward|mfe)\/\s*\{/.test(nginx)) return problems;
  for (const prefix of ['/city/', '/department/', '/ward/', '/mfe/']) {
    const block = locationBlock(nginx, `location ${prefix} {`);
    if (!block) {
      problems.push(error(file, `no "location ${prefix}" block for the built web files`));
      continue;
    }
    const year = [...block.matchAll(/location\s+~\*?\s+"([^"]+)"\s*\{\s*expires\s+1y;/g)].map((m) => new RegExp(m[1]));
    if (!year.length) {
      problems.push(error(file, `location ${prefix}: no "expires 1y" location for content-hashed bundles`));
      continue;
    }
    for (const sample of STATIC_FILE_SAMPLES) {
      const cachedForAYear = year.some((re) => re.test(`${prefix}${sample.name}`));
      if (cachedForAYear !== sample.immutable) {
        problems.push(error(file, `location ${prefix}: ${sample.name} ${sample.immutable ? 'is content-hashed but not cached for a year' : 'must be revalidated but is cached for a year'}`));
      }
    }
  }
  const revalidated = [...nginx.matchAll(/location\s+~\*?\s+([^\s{]+)\s*\{[^}]*expires\s+-1;/g)].map((m) => new RegExp(m[1].replace(/^"|"$/g, ''), 'i'));
  for (const sample of STATIC_FILE_SAMPLES.filter((s) => !s.immutable)) {
    if (!revalidated.some((re) => re.test(`/ward/${sample.name}`))) problems.push(error(file, `${sample.name} is not revalidated (no location with "expires -1" matches it)`));
  }
  return problems;
}

/** The text of the block opened by `opening` (braces balanced), or null. */
function locationBlock(text: string, opening: string): string | null {
  const start = text.indexOf(opening);
  if (start < 0) return null;
  let depth = 0;
  for (let i = start + opening.length - 1; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return null;
}
