import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type IgnoreRule, isIgnored } from './dockerignore';
import { error, type Problem } from './problem';

export interface Instruction {
  keyword: string;
  args: string;
  /** 1-based line where the instruction starts. */
  line: number;
}

/** Instructions of a Dockerfile, continuation lines joined, comments and parser directives dropped. */
export function parseDockerfile(text: string): Instruction[] {
  const lines = text.split(/\r?\n/);
  const out: Instruction[] = [];
  let current: { text: string; line: number } | null = null;
  lines.forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed.startsWith('#')) return;
    if (!current && !trimmed) return;
    const continued = /\\\s*$/.test(raw);
    const piece = continued ? raw.replace(/\\\s*$/, '') : raw;
    if (current) current.text += ` ${piece.trim()}`;
    else current = { text: piece.trim(), line: index + 1 };
    if (!continued) {
      const m = /^(\S+)\s*(.*)$/.exec(current.text);
      if (m) out.push({ keyword: m[1].toUpperCase(), args: m[2].trim(), line: current.line });
      current = null;
    }
  });
  if (current) {
    const { text: t, line } = current;
    const m = /^(\S+)\s*(.*)$/.exec(t);
    if (m) out.push({ keyword: m[1].toUpperCase(), args: m[2].trim(), line });
  }
  return out;
}

export interface CopyInstruction {
  keyword: 'COPY' | 'ADD';
  line: number;
  from?: string;
  sources: string[];
  destination: string;
}

function splitArgs(args: string): string[] {
  if (args.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(args);
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      /* not JSON form: fall through */
    }
  }
  return args.split(/\s+/).filter(Boolean);
}

export function copyInstructions(instructions: readonly Instruction[]): CopyInstruction[] {
  const copies: CopyInstruction[] = [];
  for (const ins of instructions) {
    if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
    let from: string | undefined;
    const rest: string[] = [];
    let args = ins.args;
    // Flags come first: --from=, --chown=, --chmod=, --link, --parents, --exclude=...
    while (args.startsWith('--')) {
      const m = /^--([a-z-]+)(?:=(\S+))?\s*/.exec(args);
      if (!m) break;
      if (m[1] === 'from') from = m[2];
      args = args.slice(m[0].length);
    }
    rest.push(...splitArgs(args));
    if (rest.length < 2) continue;
    copies.push({
      keyword: ins.keyword,
      line: ins.line,
      from,
      sources: rest.slice(0, -1),
      destination: rest[rest.length - 1],
    });
  }
  return copies;
}

const hasGlob = (s: string): boolean => /[*?[]/.test(s);

function segmentRegExp(segment: string): RegExp {
  const re = segment
    .split('')
    .map((c) => (c === '*' ? '[^/]*' : c === '?' ? '[^/]' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${re}$`);
}

/** Paths in `root` matching a COPY source (which may contain `*` and `?` per segment). */
export function matchSource(root: string, source: string): string[] {
  const segments = source
    .replace(/^\.\/+/, '')
    .replace(/\/+$/, '')
    .split('/')
    .filter((s) => s && s !== '.');
  let found = [root];
  for (const seg of segments) {
    const next: string[] = [];
    for (const dir of found) {
      if (!hasGlob(seg)) {
        if (existsSync(join(dir, seg))) next.push(join(dir, seg));
        continue;
      }
      let entries: string[] = [];
      try {
        entries = readdirSync(dir);
      } catch {
        entries = [];
      }
      const re = segmentRegExp(seg);
      next.push(...entries.filter((e) => re.test(e)).map((e) => join(dir, e)));
    }
    found = next;
  }
  return found;
}

export interface DockerfileCheckOptions {
  /** How problems name the file, e.g. `api.Dockerfile`. */
  file: string;
  /** The build context on disk (the repository root for this project). */
  contextDir: string;
  /** The context's ignore rules (`<Dockerfile>.dockerignore` or `.dockerignore`). */
  ignore?: readonly IgnoreRule[];
}

/**
 * - every context COPY/ADD source exists (or, under dist/, is a build output) and is not removed
 *   from the context by the ignore file;
 * - every `--from=` names an earlier stage (or an image);
 * - the final stage does not run as root;
 * - no `npm ci` (it rejects this workspace's Nx lock file).
 */
export function checkDockerfile(text: string, options: DockerfileCheckOptions): Problem[] {
  const { file, contextDir, ignore = [] } = options;
  const problems: Problem[] = [];
  const instructions = parseDockerfile(text);
  const stages: string[] = [];
  let finalStageUser: string | undefined;
  let sawFrom = false;

  for (const ins of instructions) {
    if (ins.keyword === 'FROM') {
      sawFrom = true;
      const m = /\s+AS\s+(\S+)\s*$/i.exec(ins.args);
      stages.push(m ? m[1].toLowerCase() : '');
      finalStageUser = undefined;
    } else if (ins.keyword === 'USER') {
      finalStageUser = ins.args.split(':')[0].trim();
    } else if (ins.keyword === 'RUN' && /\bnpm\s+ci\b/.test(ins.args)) {
      problems.push(
        error(
          file,
          `line ${ins.line}: \`npm ci\` fails on this workspace's Nx lock file; use \`npm install\``,
        ),
      );
    } else if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
      const [copy] = copyInstructions([ins]);
      if (!copy) {
        problems.push(error(file, `line ${ins.line}: ${ins.keyword} needs a source and a destination`));
        continue;
      }
      if (copy.from !== undefined) {
        const from = copy.from.toLowerCase();
        const known = stages.slice(0, -1).includes(from) || /^\d+$/.test(from) || /[/:.]/.test(from);
        if (!known)
          problems.push(error(file, `line ${ins.line}: --from=${copy.from} is not an earlier stage`));
        continue;
      }
      for (const source of copy.sources) {
        if (/^https?:\/\//.test(source) || source.includes('$')) continue;
        const rel = source.replace(/^\/+/, '');
        const matches = matchSource(contextDir, rel);
        const buildOutput = /^(\.\/)?dist(\/|$)/.test(rel);
        if (!matches.length && !buildOutput) {
          problems.push(
            error(
              file,
              `line ${ins.line}: ${ins.keyword} source ${source} does not exist in the build context`,
            ),
          );
          continue;
        }
        const ignored = matches.length
          ? matches
              .filter((m) => isIgnored(relative(contextDir, m), ignore))
              .map((m) => relative(contextDir, m))
          : isIgnored(rel, ignore)
            ? [rel]
            : [];
        if (ignored.length) {
          problems.push(
            error(
              file,
              `line ${ins.line}: ${ins.keyword} source ${ignored.join(', ')} is excluded by the dockerignore file`,
            ),
          );
        }
      }
    }
  }
  if (!sawFrom) problems.push(error(file, 'no FROM instruction'));
  else if (finalStageUser === undefined || finalStageUser === 'root' || finalStageUser === '0') {
    problems.push(error(file, 'the final stage runs as root: add a USER instruction'));
  }
  return problems;
}

/** Whether the final stage declares a HEALTHCHECK (other than NONE). */
export function hasHealthcheck(text: string): boolean {
  let found = false;
  for (const ins of parseDockerfile(text)) {
    if (ins.keyword === 'FROM') found = false;
    if (ins.keyword === 'HEALTHCHECK') found = !/^NONE\b/i.test(ins.args);
  }
  return found;
}
