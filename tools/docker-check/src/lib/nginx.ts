import { error, type Problem } from './problem';

/** The config with comments blanked out (quoted strings kept), so offsets and lines stay put. */
export function stripComments(text: string): string {
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      out += c;
      if (c === '\\' && i + 1 < text.length) out += text[++i];
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
      out += c;
    } else if (c === '#') {
      while (i < text.length && text[i] !== '\n') {
        out += ' ';
        i++;
      }
      if (i < text.length) out += '\n';
    } else out += c;
  }
  return out;
}

const lineAt = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

/** Braces balance, ignoring those in comments and quoted strings (e.g. regex `{8}` in quotes). */
export function checkBraces(text: string, file = 'nginx.conf'): Problem[] {
  const problems: Problem[] = [];
  const stack: number[] = [];
  let quote: string | null = null;
  let comment = false;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      line++;
      comment = false;
      continue;
    }
    if (comment) continue;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '#') comment = true;
    else if (c === '"' || c === "'") quote = c;
    else if (c === '{') stack.push(line);
    else if (c === '}') {
      if (!stack.length) problems.push(error(file, `line ${line}: "}" closes nothing`));
      else stack.pop();
    }
  }
  if (quote) problems.push(error(file, `unterminated ${quote} string`));
  for (const open of stack) problems.push(error(file, `line ${open}: "{" is never closed`));
  return problems;
}

export interface ProxyTarget {
  line: number;
  raw: string;
  scheme?: string;
  host?: string;
  port?: number;
  /** Set when the target is an `upstream` block: its `server` entries. */
  upstream?: string;
}

/** `upstream name { server host:port ...; }` blocks. */
export function upstreamsOf(text: string): Map<string, { host: string; port?: number; line: number }[]> {
  const clean = stripComments(text);
  const upstreams = new Map<string, { host: string; port?: number; line: number }[]>();
  for (const m of clean.matchAll(/\bupstream\s+(\S+)\s*\{([^}]*)\}/g)) {
    const bodyOffset = (m.index ?? 0) + m[0].indexOf('{') + 1;
    const servers = [...m[2].matchAll(/\bserver\s+([^\s:;]+)(?::(\d+))?[^;]*;/g)].map((s) => ({
      host: s[1],
      port: s[2] ? Number(s[2]) : undefined,
      line: lineAt(clean, bodyOffset + (s.index ?? 0)),
    }));
    upstreams.set(m[1], servers);
  }
  return upstreams;
}

export function proxyPassTargets(text: string): ProxyTarget[] {
  const clean = stripComments(text);
  const upstreams = upstreamsOf(text);
  const targets: ProxyTarget[] = [];
  for (const m of clean.matchAll(/\bproxy_pass\s+([^;]+);/g)) {
    const raw = m[1].trim();
    const line = lineAt(clean, m.index ?? 0);
    const u = /^(https?):\/\/([^/:$]+)(?::(\d+))?(?:\/.*)?$/.exec(raw);
    if (!u) {
      targets.push({ line, raw });
      continue;
    }
    if (!u[3] && upstreams.has(u[2])) {
      for (const s of upstreams.get(u[2]) ?? []) {
        targets.push({ line: s.line, raw, scheme: u[1], host: s.host, port: s.port, upstream: u[2] });
      }
      continue;
    }
    targets.push({
      line,
      raw,
      scheme: u[1],
      host: u[2],
      port: u[3] ? Number(u[3]) : u[1] === 'https' ? 443 : 80,
    });
  }
  return targets;
}

/** Ports of `listen` directives. */
export function listenPorts(text: string): number[] {
  return [...stripComments(text).matchAll(/\blisten\s+(?:\[[^\]]*\]:|[\d.]+:)?(\d+)\b/g)].map((m) =>
    Number(m[1]),
  );
}

/**
 * Every `proxy_pass http://host:port` goes to a compose service (by name or network alias) and,
 * when the service declares its container ports (expose/ports), to one of them.
 */
export function checkProxyTargets(
  text: string,
  services: ReadonlyMap<string, { ports: readonly number[]; aliases?: readonly string[] }>,
  file = 'nginx.conf',
): Problem[] {
  const problems: Problem[] = [];
  const byHost = new Map<string, { name: string; ports: readonly number[] }>();
  for (const [name, s] of services) {
    byHost.set(name, { name, ports: s.ports });
    for (const a of s.aliases ?? []) byHost.set(a, { name, ports: s.ports });
  }
  for (const t of proxyPassTargets(text)) {
    if (!t.host) {
      problems.push(
        error(file, `line ${t.line}: proxy_pass ${t.raw} is not a static http(s)://host[:port] target`),
      );
      continue;
    }
    const service = byHost.get(t.host);
    if (!service) {
      problems.push(error(file, `line ${t.line}: proxy_pass host ${t.host} is not a compose service`));
    } else if (t.port === undefined) {
      problems.push(error(file, `line ${t.line}: upstream server ${t.host} has no port`));
    } else if (service.ports.length && !service.ports.includes(t.port)) {
      problems.push(
        error(
          file,
          `line ${t.line}: proxy_pass to ${t.host}:${t.port}, but service ${service.name} declares port(s) ${service.ports.join(', ')}`,
        ),
      );
    }
  }
  return problems;
}
