import { randomUUID } from 'node:crypto';
import { type TestAccount, startTestApi } from './test-harness';

/**
 * The HTTP edge against the findings of the security review (issue 8), in-process on PostgreSQL:
 * hostile input is a 400 problem naming the field (never a 500), security headers are on every answer,
 * and CORS answers only the configured origins.
 */
describe('HTTP hardening (in-process, real PostgreSQL)', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  beforeAll(async () => {
    api = await startTestApi();
  }, 60_000);
  afterAll(async () => api?.close());

  /** A raw request: the body is sent exactly as written (JSON escapes such as \ud800 stay as they are). */
  const send = (path: string, init: { method?: string; as?: TestAccount; body?: string; headers?: Record<string, string> } = {}) => api.call(path, init);
  const fieldsOf = (r: { body: { errors?: { field: string; code: string }[] } }) => (r.body.errors ?? []).map((e) => [e.field, e.code]);

  const draft = {
    title: 'Kế hoạch hưởng ứng Ngày Chuyển đổi số năm 2025',
    year: 2025,
    focalUnitCode: '01-SKHCN',
    tasks: [{ section: 'III.1', content: 'Tuyên truyền qua hệ thống truyền thanh cơ sở', timeframe: 'Quý IV/2025', leads: [{ unit: '01-SKHCN' }], coordinators: [] }],
  };
  /** The draft as JSON text with `patch` spliced in as raw JSON members (so escapes are sent as written). */
  const draftWith = (raw: string) => JSON.stringify(draft).replace(/^\{/, `{${raw},`);

  describe('hostile input: a 400 problem naming the field, never a 500', () => {
    const deep = `{"title":${'['.repeat(5_000)}${']'.repeat(5_000)}}`;

    it.each([
      ['POST', '/plans', 'dept'],
      ['PUT', `/plans/${randomUUID()}`, 'dept'],
      ['POST', `/plans/${randomUUID()}/return`, 'leader'],
      ['POST', `/plans/${randomUUID()}/amendments`, 'dept'],
      ['POST', '/units', 'admin'],
      ['PATCH', '/units/01-SKHCN', 'admin'],
      ['POST', '/units/01-SKHCN/successions', 'admin'],
    ] as const)('JSON nested 5,000 levels deep on %s %s → 400 REQUEST.TOO_DEEP', async (method, path, as) => {
      const r = await send(path, { method, as, body: deep });
      expect(r.status).toBe(400);
      expect(r.type).toContain('application/problem+json');
      expect(r.body).toMatchObject({ code: 'REQUEST.TOO_DEEP', message: { vi: expect.any(String), en: expect.any(String) } });
      expect(fieldsOf(r)).toEqual([['body', 'maxDepth']]);
    });

    it('NUL in a body field → 400 naming it (PostgreSQL refuses 0x00)', async () => {
      const title = await send('/plans', { method: 'POST', as: 'dept', body: draftWith('"theme":"a\\u0000b"') });
      expect(title.status).toBe(400);
      expect(title.body.code).toBe('REQUEST.VALIDATION_FAILED');
      expect(fieldsOf(title)).toEqual([['body.theme', 'noNulCharacter']]);

      const task = { ...draft, tasks: [{ ...draft.tasks[0], content: 'Tuyên truyền\u0000' }] };
      expect(fieldsOf(await send('/plans', { method: 'POST', as: 'dept', body: JSON.stringify(task) }))).toEqual([['body.tasks.0.content', 'noNulCharacter']]);
      expect(fieldsOf(await send('/units/01-SKHCN', { method: 'PATCH', as: 'admin', body: '{"officialName":"Sở\\u0000"}' }))).toEqual([['body.officialName', 'noNulCharacter']]);
    });

    it.each(['/plans?q=%00', '/units?q=%00', '/plans?q=ha%00noi&year=2025'])('NUL in a query string (%s) → 400 naming query.q', async (path) => {
      const r = await send(path, { as: 'leader' });
      expect(r.status).toBe(400);
      expect(r.type).toContain('application/problem+json');
      expect(fieldsOf(r)).toEqual([['query.q', 'noNulCharacter']]);
    });

    it('lone UTF-16 surrogates in titles, task content, unit names and keys → 400 naming the field', async () => {
      const title = await send('/plans', { method: 'POST', as: 'dept', body: JSON.stringify(draft).replace(/"title":"[^"]*"/, '"title":"Kế hoạch \\ud800"') });
      expect(title.status).toBe(400);
      expect(fieldsOf(title)).toEqual([['body.title', 'wellFormedUnicode']]);
      const content = JSON.stringify(draft).replace(/"content":"[^"]*"/, '"content":"\\udc00 nội dung"');
      expect(fieldsOf(await send('/plans', { method: 'POST', as: 'dept', body: content }))).toEqual([['body.tasks.0.content', 'wellFormedUnicode']]);
      expect(fieldsOf(await send('/units/01-SKHCN', { method: 'PATCH', as: 'admin', body: '{"shortName":"\\ud83d"}' }))).toEqual([['body.shortName', 'wellFormedUnicode']]);
      expect(fieldsOf(await send('/units/01-SKHCN', { method: 'PATCH', as: 'admin', body: '{"aliases":["ok","\\ud83d"]}' }))).toEqual([['body.aliases.1', 'wellFormedUnicode']]);
      const key = await send('/units/01-SKHCN', { method: 'PATCH', as: 'admin', body: '{"\\ud800":"x"}' });
      expect(key.status).toBe(400);
      expect(fieldsOf(key)).toEqual([['body.\uFFFD', 'wellFormedUnicode']]);
      // A real pair (an emoji) is fine.
      const ok = await send('/units/01-SKHCN', { method: 'PATCH', as: 'admin', body: '{"aliases":["Sở KH&CN \\ud83d\\ude80"]}' });
      expect(ok.status).toBe(200);
    });

    it('NUL in a path parameter → 400 naming it', async () => {
      const r = await send('/units/%00', { as: 'leader' });
      expect(r.status).toBe(400);
      expect(fieldsOf(r)).toEqual([['param.code', 'noNulCharacter']]);
    });

    it('percent-encoded surrogates decode to U+FFFD in a query string (a plain search); in a path they are a bad parameter, never echoed', async () => {
      expect((await send('/units?q=%ED%A0%80', { as: 'leader' })).status).toBe(200);
      const param = await send('/units/%ED%A0%80', { as: 'leader' });
      expect(param.status).toBe(400);
      expect(param.type).toContain('application/problem+json');
      expect(param.body).toMatchObject({ code: 'REQUEST.VALIDATION_FAILED', errors: [{ field: 'param', code: 'malformed' }] });
      // `instance` is the request's own URI (RFC 9457); the messages never repeat the input.
      const { instance: _i, ...rest } = param.body;
      expect(JSON.stringify(rest)).not.toMatch(/%ED/i);
      const badEscape = await send('/plans/%zz', { as: 'leader' });
      expect(badEscape.body).toMatchObject({ status: 400, errors: [{ field: 'param' }] });
      const { instance: _j, ...restEscape } = badEscape.body;
      expect(JSON.stringify(restEscape)).not.toContain('%zz');
    });

    it('null for an optional array or text that is not nullable → 400 "must not be null", not a crash', async () => {
      const aliases = await send('/units/01-SKHCN', { method: 'PATCH', as: 'admin', body: '{"aliases":null}' });
      expect(aliases.status).toBe(400);
      expect(aliases.body.errors).toEqual([{ field: 'body.aliases', code: 'isNotNull', message: { vi: expect.any(String), en: 'aliases must not be null' } }]);
      expect(fieldsOf(await send('/units/01-SKHCN', { method: 'PATCH', as: 'admin', body: '{"officialName":null,"shortName":null}' }))).toEqual([
        ['body.officialName', 'isNotNull'],
        ['body.shortName', 'isNotNull'],
      ]);
      const succession = await send('/units/01-SKHCN/successions', {
        method: 'POST',
        as: 'admin',
        body: JSON.stringify({ successorCode: '01-SGDDT', kind: 'merged-into', effectiveDate: '2025-03-01', note: null }),
      });
      expect(fieldsOf(succession)).toEqual([['body.note', 'isNotNull']]);

      const plan = await send('/plans', {
        method: 'POST',
        as: 'dept',
        body: JSON.stringify({
          ...draft,
          symbol: null,
          legalBases: null,
          indicators: null,
          tasks: [{ ...draft.tasks[0], id: null, leads: [{ unit: '01-SKHCN', asWritten: null }] }],
        }),
      });
      expect(plan.status).toBe(400);
      expect(fieldsOf(plan).sort()).toEqual(
        [
          ['body.symbol', 'isNotNull'],
          ['body.legalBases', 'isNotNull'],
          ['body.indicators', 'isNotNull'],
          ['body.tasks.0.id', 'isNotNull'],
          ['body.tasks.0.leads.0.asWritten', 'isNotNull'],
        ].sort(),
      );
    });

    it('null stays accepted where it clears a value (theme, focal unit, task timeframe)', async () => {
      const r = await send('/plans', {
        method: 'POST',
        as: 'dept',
        body: JSON.stringify({ ...draft, theme: null, focalUnitCode: null, parentPlanId: null, tasks: [{ ...draft.tasks[0], timeframe: null, notes: null, section: null }] }),
      });
      expect(r.status).toBe(201);
    });

    it('null inside a list → 400, not a crash', async () => {
      expect((await send('/plans', { method: 'POST', as: 'dept', body: JSON.stringify({ ...draft, tasks: [null] }) })).status).toBe(400);
      expect((await send('/plans', { method: 'POST', as: 'dept', body: JSON.stringify({ ...draft, tasks: [{ ...draft.tasks[0], leads: [null] }] }) })).status).toBe(400);
      expect((await send('/units/01-SKHCN', { method: 'PATCH', as: 'admin', body: '{"aliases":[null]}' })).status).toBe(400);
    });

    it('a __proto__ key is refused like any unknown field, at any depth (constructor and prototype too)', async () => {
      const top = await send('/plans', { method: 'POST', as: 'dept', body: draftWith('"__proto__":{"isAdmin":true}') });
      expect(top.status).toBe(400);
      expect(top.body.code).toBe('REQUEST.VALIDATION_FAILED');
      expect(top.body.errors).toEqual([expect.objectContaining({ field: 'body.__proto__', code: 'whitelistValidation' })]);
      const nested = JSON.stringify(draft).replace('"content":', '"__proto__":{},"content":');
      expect(fieldsOf(await send('/plans', { method: 'POST', as: 'dept', body: nested }))).toEqual([['body.tasks.0.__proto__', 'whitelistValidation']]);
      expect(fieldsOf(await send('/units/01-SKHCN', { method: 'PATCH', as: 'admin', body: '{"constructor":{"prototype":{}}}' }))).toEqual([['body.constructor', 'whitelistValidation']]);
      expect(fieldsOf(await send('/units/01-SKHCN', { method: 'PATCH', as: 'admin', body: '{"prototype":1}' }))).toEqual([['body.prototype', 'whitelistValidation']]);
      expect(fieldsOf(await send('/units?__proto__=x', { as: 'leader' }))).toEqual([['query.__proto__', 'whitelistValidation']]);
    });
  });

  describe('security headers', () => {
    const expectApiHeaders = (headers: Headers) => {
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
      const csp = headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('cache-control')).toBe('no-store');
      expect(headers.get('x-powered-by')).toBeNull();
    };

    it('authenticated JSON: nosniff, frame and content policies, no referrer, never stored', async () => {
      const r = await send('/plans', { as: 'leader' });
      expect(r.status).toBe(200);
      expectApiHeaders(r.headers);
    });

    it('errors carry them too, refusals by the body parser included', async () => {
      expectApiHeaders((await send('/plans')).headers); // 401
      expectApiHeaders((await send('/plans', { method: 'POST', as: 'dept', body: '{"title":' })).headers); // 400 malformed
      expectApiHeaders((await send('/health')).headers);
    });

    it('Swagger UI still runs: its page loads its own scripts under a CSP that allows them', async () => {
      const page = await send('/api/docs');
      expect(page.status).toBe(200);
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("img-src 'self' data:");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      // No inline script (CSP would block it): every script is a file served from here.
      const scripts = [...page.text.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const attrs of scripts) {
        const src = /src=["']([^"']+)["']/.exec(attrs)?.[1];
        expect(src).toBeDefined();
        const asset = await send(new URL(src as string, 'http://api.test/api/docs/').pathname);
        expect(asset.status).toBe(200);
        expect(asset.type).toContain('javascript');
      }
      expect((await send('/api/docs-json')).status).toBe(200);
    });
  });

  describe('CORS', () => {
    const allowed = 'http://localhost:4201';
    it('a configured origin gets Allow-Origin and Allow-Credentials', async () => {
      const r = await send('/plans', { as: 'leader', headers: { origin: allowed } });
      expect(r.headers.get('access-control-allow-origin')).toBe(allowed);
      expect(r.headers.get('access-control-allow-credentials')).toBe('true');
      expect(r.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
      expect(r.headers.get('vary')).toContain('Origin');
      const preflight = await send('/plans', { method: 'OPTIONS', headers: { origin: allowed, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(allowed);
      expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
    });

    it('a foreign origin gets neither, on requests and preflights', async () => {
      const r = await send('/plans', { as: 'leader', headers: { origin: 'http://evil.test' } });
      expect(r.headers.get('access-control-allow-origin')).toBeNull();
      expect(r.headers.get('access-control-allow-credentials')).toBeNull();
      expect(r.headers.get('vary')).toContain('Origin');
      const preflight = await send('/plans', { method: 'OPTIONS', headers: { origin: 'http://evil.test', 'access-control-request-method': 'POST' } });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    });
  });
});
