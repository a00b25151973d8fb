import { request } from 'node:http';

export interface RawResponse {
  status: number;
  contentType: string;
  text: string;
  json: unknown;
  ms: number;
  /** Set when no HTTP answer came back (connection reset, timeout): the API may have died. */
  networkError?: string;
}

/**
 * Sends exactly these bytes: the path and query as given (already percent-encoded, never normalised),
 * the body as given. fetch would re-encode the URL and replace lone surrogates. One connection per
 * request: a kept-alive socket the server has just closed would look like a crash.
 */
export function send(
  baseUrl: string,
  req: { method: string; url: string; headers: Record<string, string>; body?: string | Buffer },
  timeoutMs = 30_000,
): Promise<RawResponse> {
  const base = new URL(baseUrl);
  const body =
    req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body, 'utf8');
  const started = Date.now();
  return new Promise((resolve) => {
    // A dropped connection or a timeout is an answer too (status 0): the oracle reports it.
    const failed = (e: unknown) =>
      resolve({
        status: 0,
        contentType: '',
        text: '',
        json: undefined,
        ms: Date.now() - started,
        networkError: String(e),
      });
    const r = request(
      {
        host: base.hostname,
        port: base.port,
        method: req.method,
        path: req.url,
        agent: false,
        headers: {
          connection: 'close',
          ...req.headers,
          ...(body !== undefined ? { 'content-length': String(body.length) } : {}),
        },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown = undefined;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            /* not JSON */
          }
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            text,
            json,
            ms: Date.now() - started,
          });
        });
        res.on('error', failed);
      },
    );
    r.on('timeout', () => r.destroy(new Error(`no answer in ${timeoutMs} ms`)));
    r.on('error', failed);
    if (body !== undefined) r.write(body);
    r.end();
  });
}
