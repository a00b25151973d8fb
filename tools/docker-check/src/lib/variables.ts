import type { VariableUse } from './interpolation';
import { error, type Problem } from './problem';

/**
 * Compose variables against the documented env file:
 * - a variable without a default (`${X}`, `${X:?msg}`) must be documented in the env file;
 * - a variable with several defaults must use the same one everywhere, and the env file, which
 *   documents the defaults, must give that same value (otherwise running with and without
 *   `--env-file` silently differ);
 * - every variable the env file documents must be used (no stale documentation).
 */
export function checkVariables(
  variables: readonly VariableUse[],
  documented: ReadonlyMap<string, string>,
  files = { compose: 'compose.yaml', env: '.env.example' },
): Problem[] {
  const problems: Problem[] = [];
  const defaults = new Map<string, Set<string>>();
  const used = new Set<string>();
  for (const v of variables) {
    used.add(v.name);
    const hasDefault = v.operator === ':-' || v.operator === '-';
    if (hasDefault) {
      const set = defaults.get(v.name) ?? new Set<string>();
      set.add(v.argument);
      defaults.set(v.name, set);
    } else if (v.operator !== ':+' && v.operator !== '+' && !documented.has(v.name)) {
      problems.push(
        error(files.compose, `\${${v.name}} has no default and is not documented in ${files.env}`),
      );
    }
  }
  for (const [name, values] of defaults) {
    if (values.size > 1) {
      problems.push(
        error(
          files.compose,
          `\${${name}} has different defaults: ${[...values].map((d) => JSON.stringify(d)).join(', ')}`,
        ),
      );
      continue;
    }
    const [def] = values;
    const doc = documented.get(name);
    if (doc !== undefined && doc !== def && !def.includes('$')) {
      problems.push(error(files.env, `${name}=${doc} differs from its default in ${files.compose} (${def})`));
    }
  }
  for (const name of documented.keys()) {
    if (!used.has(name))
      problems.push(error(files.env, `${name} is documented but ${files.compose} never uses it`));
  }
  // Report each missing variable once.
  return problems.filter((p, i) => problems.findIndex((q) => q.message === p.message) === i);
}
