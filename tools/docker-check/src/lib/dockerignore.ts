/** A `.dockerignore` rule: a pattern relative to the build context, possibly negated with `!`. */
export interface IgnoreRule {
  pattern: string;
  negated: boolean;
  regex: RegExp;
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      // `**/` matches zero or more folders; a trailing `**` matches everything below.
      if (glob[i + 2] === '/') {
        re += '(?:.*/)?';
        i += 2;
      } else {
        re += '.*';
        i += 1;
      }
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

const clean = (p: string): string =>
  p
    .replace(/\\/g, '/')
    .replace(/^\.\/+/, '')
    .replace(/^\/+/, '')
    .replace(/\/+$/, '')
    .replace(/\/\.\//g, '/');

export function parseDockerignore(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    const pattern = clean(negated ? line.slice(1).trim() : line);
    if (!pattern) continue;
    rules.push({ pattern, negated, regex: globToRegExp(pattern) });
  }
  return rules;
}

/**
 * Whether `path` (relative to the context) is left out of the build context: the last rule that
 * matches the path or one of its parent folders decides, as in Docker.
 */
export function isIgnored(path: string, rules: readonly IgnoreRule[]): boolean {
  const p = clean(path);
  if (!p || p === '.') return false;
  const segments = p.split('/');
  const candidates = segments.map((_, i) => segments.slice(0, i + 1).join('/'));
  let ignored = false;
  for (const rule of rules) {
    if (candidates.some((c) => rule.regex.test(c))) ignored = !rule.negated;
  }
  return ignored;
}
