import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import { jsonBody } from './json-body';
import { ProblemException } from './problem';

/** jsonBody in a bare express app: what reaches the handler, or the problem it raises. */
describe('jsonBody', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const app = express();
    app.use(jsonBody('1mb'));
    app.post('/', (req: Request, res: Response) => res.json({ received: req.body }));
    app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
      const e = err as ProblemException;
      res.status(e instanceof ProblemException ? e.getStatus() : 500).json(e instanceof ProblemException ? { code: e.code, errors: e.fieldErrors } : { message: String(err) });
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  const post = async (body: string | Buffer, type = 'application/json') => {
    const res = await fetch(base, { method: 'POST', headers: { 'content-type': type }, body: typeof body === 'string' ? body : new Uint8Array(body) });
    return { status: res.status, body: (await res.json()) as { code?: string; errors?: { field: string; code: string }[]; received?: unknown } };
  };

  it('refuses a body nested 5,000 levels deep before parsing it: 400 REQUEST.TOO_DEEP naming body', async () => {
    const r = await post(`{"title":${'['.repeat(5_000)}${']'.repeat(5_000)}}`);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'REQUEST.TOO_DEEP', errors: [{ field: 'body', code: 'maxDepth' }] });
  });

  it('counts nesting in UTF-16 bodies on the decoded text', async () => {
    const r = await post(Buffer.from(`{"title":${'['.repeat(100)}${']'.repeat(100)}}`, 'utf16le'), 'application/json; charset=utf-16le');
    expect(r.body.code).toBe('REQUEST.TOO_DEEP');
  });

  it('lets ordinary nesting and brackets inside strings through', async () => {
    const body = { title: '['.repeat(5_000), tasks: [{ leads: [{ unit: '01-SKHCN' }] }] };
    const r = await post(JSON.stringify(body));
    expect(r.status).toBe(200);
    expect(r.body.received).toEqual(body);
  });

  it('refuses NUL and lone surrogates anywhere in the body, naming the field', async () => {
    const r = await post('{"title":"a\\u0000","tasks":[{"content":"\\ud800"}]}');
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('REQUEST.VALIDATION_FAILED');
    expect(r.body.errors?.map((e) => [e.field, e.code])).toEqual([
      ['body.title', 'noNulCharacter'],
      ['body.tasks.0.content', 'wellFormedUnicode'],
    ]);
  });

  it('refuses a __proto__ key like any unknown field, instead of letting it vanish', async () => {
    const r = await post('{"title":"t","tasks":[{"__proto__":{"x":1}}]}');
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([expect.objectContaining({ field: 'body.tasks.0.__proto__', code: 'whitelistValidation' })]);
  });

  it('still answers malformed JSON with REQUEST.MALFORMED_JSON', async () => {
    expect((await post('{"title":')).body.code).toBe('REQUEST.MALFORMED_JSON');
  });
});
