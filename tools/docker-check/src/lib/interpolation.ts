/**
 * Docker Compose variable interpolation: `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?error}`, `${VAR?error}`, `${VAR:+alt}`, `${VAR+alt}`, `$VAR`, and `$$` for a literal `$`.
 * Defaults may themselves contain variables.
 */
export type Operator = '' | ':-' | '-' | ':?' | '?' | ':+' | '+';

export interface VariableUse {
  name: string;
  operator: Operator;
  /** The raw text after the operator (default, error message or alternative). */
  argument: string;
}

type Part =
  | { kind: 'text'; text: string }
  | { kind: 'var'; name: string; operator: Operator; argument: Part[]; raw: string };

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const OPERATORS: Operator[] = [':-', ':?', ':+', '-', '?', '+'];

export class InterpolationError extends Error {}

function parseParts(s: string, start: number, insideBraces: boolean): { parts: Part[]; end: number } {
  const parts: Part[] = [];
  let text = '';
  let i = start;
  const flush = () => {
    if (text) parts.push({ kind: 'text', text });
    text = '';
  };
  while (i < s.length) {
    const c = s[i];
    if (insideBraces && c === '}') {
      flush();
      return { parts, end: i };
    }
    if (c !== '$') {
      text += c;
      i++;
      continue;
    }
    const next = s[i + 1];
    if (next === '$') {
      text += '$';
      i += 2;
    } else if (next === '{') {
      let j = i + 2;
      if (!NAME_START.test(s[j] ?? ''))
        throw new InterpolationError(`invalid interpolation format in "${s}"`);
      while (j < s.length && NAME_CHAR.test(s[j])) j++;
      const name = s.slice(i + 2, j);
      const operator = OPERATORS.find((op) => s.startsWith(op, j)) ?? '';
      let argument: Part[] = [];
      let end = j;
      if (operator) {
        const inner = parseParts(s, j + operator.length, true);
        argument = inner.parts;
        end = inner.end;
      }
      if (s[end] !== '}') throw new InterpolationError(`unclosed \${ in "${s}"`);
      flush();
      parts.push({ kind: 'var', name, operator, argument, raw: s.slice(j + operator.length, end) });
      i = end + 1;
    } else if (next !== undefined && NAME_START.test(next)) {
      let j = i + 1;
      while (j < s.length && NAME_CHAR.test(s[j])) j++;
      flush();
      parts.push({ kind: 'var', name: s.slice(i + 1, j), operator: '', argument: [], raw: '' });
      i = j;
    } else {
      text += '$';
      i++;
    }
  }
  if (insideBraces) throw new InterpolationError(`unclosed \${ in "${s}"`);
  flush();
  return { parts, end: i };
}

function collect(parts: Part[], into: VariableUse[]): void {
  for (const p of parts) {
    if (p.kind !== 'var') continue;
    into.push({ name: p.name, operator: p.operator, argument: p.raw });
    collect(p.argument, into);
  }
}

/** Every variable a string refers to, including those inside defaults. */
export function findVariables(s: string): VariableUse[] {
  const uses: VariableUse[] = [];
  collect(parseParts(s, 0, false).parts, uses);
  return uses;
}

function evaluate(parts: Part[], env: Readonly<Record<string, string>>, missing: string[]): string {
  let out = '';
  for (const p of parts) {
    if (p.kind === 'text') {
      out += p.text;
      continue;
    }
    const value = env[p.name];
    const isSet = value !== undefined;
    const isSetNonEmpty = isSet && value !== '';
    switch (p.operator) {
      case ':-':
        out += isSetNonEmpty ? value : evaluate(p.argument, env, missing);
        break;
      case '-':
        out += isSet ? value : evaluate(p.argument, env, missing);
        break;
      case ':?':
      case '?':
        if (p.operator === ':?' ? !isSetNonEmpty : !isSet) missing.push(p.name);
        out += value ?? '';
        break;
      case ':+':
        out += isSetNonEmpty ? evaluate(p.argument, env, missing) : '';
        break;
      case '+':
        out += isSet ? evaluate(p.argument, env, missing) : '';
        break;
      default:
        if (!isSet) missing.push(p.name);
        out += value ?? '';
    }
  }
  return out;
}

/** Resolves a string as compose would with `env`; `missing` lists required variables that were unset. */
export function interpolate(
  s: string,
  env: Readonly<Record<string, string>>,
): { value: string; missing: string[] } {
  const missing: string[] = [];
  const value = evaluate(parseParts(s, 0, false).parts, env, missing);
  return { value, missing };
}

/** `KEY=VALUE` lines of a compose env file (`#` comments, blank lines, optional quotes, `export `). */
export function parseEnvFile(text: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2];
    const quoted = /^(['"])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2];
    else value = value.replace(/\s+#.*$/, '');
    vars.set(m[1], value);
  }
  return vars;
}
