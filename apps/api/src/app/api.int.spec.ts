import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ImportUnitDirectoryCommand } from '@dieu-hanh/api/organization/application';
import { systemActor } from '@dieu-hanh/api/shared/kernel';
import { keycloakClaims } from '@dieu-hanh/api/shared/testing';
import { DataSource } from 'typeorm';
import { HN, startTestApi } from './test-harness';
import { FIXTURE_DIRECTORY } from './test-fixtures';

/**
 * The API in-process on a real PostgreSQL, with tokens signed by a local test key standing in for
 * the realms' keys. Covers the edge (validation, problem+json, token checks) and the directory.
 * The access matrix with real dev-idp tokens runs in apps/api-e2e.
 */
describe('API (in-process, real PostgreSQL)', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let app: INestApplication;
  let call: Awaited<ReturnType<typeof startTestApi>>['call'];
  let hn: Awaited<ReturnType<typeof startTestApi>>['hn'];
  let hp: Awaited<ReturnType<typeof startTestApi>>['hp'];

  beforeAll(async () => {
    api = await startTestApi();
    ({ app, call, hn, hp } = api);
  }, 60_000);

  afterAll(async () => {
    await api?.close();
  });

  describe('tokens', () => {
    it('401 problem+json without a token', async () => {
      const r = await call('/me');
      expect(r.status).toBe(401);
      expect(r.type).toContain('application/problem+json');
      expect(r.body).toMatchObject({ status: 401, code: 'AUTH.UNAUTHENTICATED', message: { vi: expect.any(String), en: expect.any(String) } });
    });

    it.each([
      ['a malformed header', async () => 'not-a-jwt', 'AUTH.TOKEN_INVALID'],
      ['an expired token', async () => hn.sign(keycloakClaims({ username: 'x', unit: '01-UBND', tier: 1, roles: [] }), { expiresIn: -120 }), 'AUTH.TOKEN_EXPIRED'],
      ['a wrong audience', async () => hn.sign(keycloakClaims({ username: 'x', unit: '01-UBND', tier: 1, roles: [] }), { audience: 'other' }), 'AUTH.TOKEN_INVALID'],
      ['an unknown issuer', async () => hn.sign(keycloakClaims({ username: 'x', unit: '01-UBND', tier: 1, roles: [] }), { issuer: 'http://evil.test/realms/ha-noi' }), 'AUTH.UNKNOWN_ISSUER'],
      ['a signature by another realm’s key', async () => hp.sign(keycloakClaims({ username: 'x', unit: '01-UBND', tier: 1, roles: [] }), { issuer: HN }), 'AUTH.TOKEN_INVALID'],
      ['a unit that is not in the directory', async () => hn.sign(keycloakClaims({ username: 'x', unit: '99999', tier: 2, roles: [] })), 'AUTH.ACCOUNT_UNIT_UNKNOWN'],
      ['a unit of another province than the realm', async () => hp.sign(keycloakClaims({ username: 'x', unit: '00070', tier: 2, roles: [] })), 'AUTH.ACCOUNT_UNIT_UNKNOWN'],
      ['a tier that does not match the unit', async () => hn.sign(keycloakClaims({ username: 'x', unit: '00070', tier: 1, roles: ['leader'] })), 'AUTH.ACCOUNT_UNIT_UNKNOWN'],
      ['a closed unit', async () => hn.sign(keycloakClaims({ username: 'x', unit: '01-STTTT', tier: 1, roles: [] })), 'AUTH.ACCOUNT_UNIT_UNKNOWN'],
    ])('401 for %s', async (_label, make, code) => {
      const r = await call('/me', { token: await make() });
      expect(r.status).toBe(401);
      expect(r.body.code).toBe(code);
    });

    it('GET /me returns the account, unit, tier and roles', async () => {
      const r = await call('/me', { as: 'hoankiem' });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        username: 'hk',
        realm: 'ha-noi',
        provinceCode: '01',
        tier: 2,
        roles: ['commune-officer'],
        unit: { code: '00070', shortName: 'Phường Hoàn Kiếm' },
      });
    });
  });

  describe('unit directory and scope', () => {
    it('search ignores diacritics and case', async () => {
      const r = await call('/units?q=phuong%20hoan%20kiem', { as: 'leader' });
      expect(r.status).toBe(200);
      expect(r.body.items.map((u: { code: string }) => u.code)).toContain('00070');
      const upper = await call(`/units?q=${encodeURIComponent('PHƯỜNG HOÀN KIẾM')}`, { as: 'leader' });
      expect(upper.body.items[0].code).toBe('00070');
      const alias = await call(`/units?q=${encodeURIComponent('sở kh&cn')}`, { as: 'leader' });
      expect(alias.body.items.map((u: { code: string }) => u.code)).toEqual(['01-SKHCN']);
    });

    it('filters by kind, tier and group; hides closed units unless asked', async () => {
      const communes = await call('/units?kind=commune', { as: 'leader' });
      expect(communes.body.items.map((u: { code: string }) => u.code).sort()).toEqual(['00004', '00070']);
      const tier1 = await call('/units?tier=1&group=01-G-SO-BAN-NGANH', { as: 'leader' });
      expect(tier1.body.total).toBe(3);
      const closed = await call('/units?q=thong%20tin', { as: 'leader' });
      expect(closed.body.total).toBe(0);
      const withClosed = await call('/units?q=thong%20tin&includeClosed=true', { as: 'leader' });
      expect(withClosed.body.items[0]).toMatchObject({ code: '01-STTTT', validTo: '2025-02-28' });
    });

    it('a commune sees itself, its offices and the city bodies, never another commune', async () => {
      const list = await call('/units?limit=500', { as: 'badinh' });
      const codes = list.body.items.map((u: { code: string }) => u.code);
      expect(codes).toContain('00004');
      expect(codes).toContain('01-SKHCN');
      expect(codes).not.toContain('00070');
      expect(codes).not.toContain('00070-VHXH');
      expect((await call('/units/00070', { as: 'badinh' })).status).toBe(404);
      expect((await call('/units/00070-VHXH', { as: 'badinh' })).status).toBe(404);
      expect((await call('/units/00070-VHXH', { as: 'hoankiem' })).status).toBe(200);
      expect((await call('/units?q=hoan%20kiem', { as: 'badinh' })).body.total).toBe(0);
    });

    it('another province is invisible (404, not 403)', async () => {
      const r = await call('/units/01-SKHCN', { as: 'haian' });
      expect(r.status).toBe(404);
      expect(r.body.code).toBe('ORGANIZATION.UNIT_NOT_FOUND');
      expect((await call('/units/11413', { as: 'leader' })).status).toBe(404);
    });

    it('groups count only visible members', async () => {
      const leader = await call('/unit-groups', { as: 'leader' });
      expect(leader.body.find((g: { code: string }) => g.code === '01-G-XA-PHUONG').memberCount).toBe(2);
      const commune = await call('/unit-groups', { as: 'badinh' });
      expect(commune.body.find((g: { code: string }) => g.code === '01-G-XA-PHUONG').memberCount).toBe(1);
    });

    it('follows the successor chain of a merged department', async () => {
      const r = await call('/units/01-STTTT/successors', { as: 'dept' });
      expect(r.body).toMatchObject({ unitCode: '01-STTTT', currentUnitCode: '01-SKHCN', chain: [{ kind: 'merged-into', effectiveDate: '2025-03-01' }] });
    });
  });

  describe('commands: one transaction, with events', () => {
    const body = {
      code: '01-SVHTT',
      officialName: 'Sở Văn hóa và Thể thao thành phố Hà Nội',
      shortName: 'Sở Văn hóa và Thể thao',
      kind: 'department',
      tier: 1,
      parentCode: '01-UBND',
      validFrom: '2025-03-01',
      aliases: ['Sở VH&TT'],
    };

    it('an administrator registers a unit; the event names actor and correlation', async () => {
      const r = await call('/units', { as: 'admin', method: 'POST', body: JSON.stringify(body) });
      expect(r.status).toBe(201);
      const rows = await app.get(DataSource).query(`SELECT * FROM event_log WHERE aggregate_id = '01-SVHTT'`);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ type: 'organization.unit-registered', actor_username: 'quantri', actor_unit_code: '01-VPUBND', province_code: '01' });
      const again = await call('/units', { as: 'admin', method: 'POST', body: JSON.stringify(body) });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('ORGANIZATION.UNIT_CODE_TAKEN');
    });

    it.each(['leader', 'dept', 'hoankiem'] as const)('%s may not register units (403)', async (who) => {
      const r = await call('/units', { as: who, method: 'POST', body: JSON.stringify({ ...body, code: '01-SXD' }) });
      expect(r.status).toBe(403);
      expect(r.body.code).toBe('AUTH.FORBIDDEN');
    });

    it('renames, records a succession, and shows both in the unit history', async () => {
      const renamed = await call('/units/01-SVHTT', { as: 'admin', method: 'PATCH', body: JSON.stringify({ shortName: 'Sở VHTT' }) });
      expect(renamed.status).toBe(200);
      const succ = await call('/units/01-SVHTT/successions', {
        as: 'admin',
        method: 'POST',
        body: JSON.stringify({ successorCode: '01-SKHCN', kind: 'replaced-by', effectiveDate: '2026-01-01' }),
      });
      expect(succ.status).toBe(201);
      const history = await call('/units/01-SVHTT/history', { as: 'admin' });
      expect(history.body.map((e: { type: string }) => e.type)).toEqual([
        'organization.unit-registered',
        'organization.unit-renamed',
        'organization.unit-closed',
        'organization.unit-succession-recorded',
      ]);
      expect((await call('/units/01-SVHTT/history', { as: 'dept' })).status).toBe(403);
    });

    it('a refused command leaves nothing behind', async () => {
      const before = Number((await app.get(DataSource).query(`SELECT count(*) FROM event_log`))[0].count);
      const r = await call('/units/01-SKHCN/successions', {
        as: 'admin',
        method: 'POST',
        body: JSON.stringify({ successorCode: '11413', kind: 'merged-into', effectiveDate: '2026-01-01' }),
      });
      expect(r.status).toBe(400);
      expect(r.body.errors[0].field).toBe('body.successorCode');
      const after = Number((await app.get(DataSource).query(`SELECT count(*) FROM event_log`))[0].count);
      expect(after).toBe(before);
      expect((await call('/units/01-SKHCN', { as: 'leader' })).body.validTo).toBeNull();
    });

    it('the seed is idempotent: a second import changes nothing and logs nothing', async () => {
      const count = async () => Number((await app.get(DataSource).query(`SELECT count(*) FROM event_log`))[0].count);
      const before = await count();
      const result = await app
        .get(CommandBus)
        .execute(new ImportUnitDirectoryCommand(FIXTURE_DIRECTORY, 'demo', { actor: systemActor('seed'), correlationId: randomUUID() }));
      expect(result).toMatchObject({ unitsCreated: 0 });
      // 01-SVHTT was closed by the test above, but it is not part of the seed, so it is untouched.
      expect(await count()).toBe(before);
    });
  });

  describe('input validation: 4xx problem+json, never 500', () => {
    const post = (payload: string, headers: Record<string, string> = {}) =>
      call('/units', { as: 'admin', method: 'POST', body: payload, headers: { 'content-type': 'application/json', ...headers } });

    it('malformed JSON → 400 REQUEST.MALFORMED_JSON', async () => {
      const r = await post('{"code": ');
      expect(r.status).toBe(400);
      expect(r.type).toContain('application/problem+json');
      expect(r.body.code).toBe('REQUEST.MALFORMED_JSON');
      expect(r.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('unknown fields are refused and named', async () => {
      const r = await post(JSON.stringify({ code: '01-SX', officialName: 'x', shortName: 'x', kind: 'department', tier: 1, parentCode: '01-UBND', validFrom: '2025-07-01', isAdmin: true }));
      expect(r.status).toBe(400);
      expect(r.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'body.isAdmin', code: 'whitelistValidation' })]));
    });

    it('wrong types are refused and named', async () => {
      const r = await post(JSON.stringify({ code: '01-SX', officialName: 'x', shortName: 'x', kind: 'department', tier: '1', parentCode: '01-UBND', validFrom: '01/07/2025' }));
      expect(r.status).toBe(400);
      const fields = r.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['body.tier', 'body.validFrom']));
      expect(r.body.errors[0].message.vi).toBeTruthy();
    });

    it('a JSON array or scalar body is refused', async () => {
      expect((await post('[1,2]')).status).toBe(400);
      expect((await post('"x"')).status).toBe(400);
    });

    it('an oversize body → 413', async () => {
      const r = await post(JSON.stringify({ code: 'x'.repeat(2_000_000) }));
      expect(r.status).toBe(413);
      expect(r.body.code).toBe('REQUEST.PAYLOAD_TOO_LARGE');
    });

    it('bad query parameters are refused and named', async () => {
      const r = await call('/units?limit=abc&tier=3&nope=1', { as: 'leader' });
      expect(r.status).toBe(400);
      const fields = r.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['query.limit', 'query.tier', 'query.nope']));
    });

    it('an unknown route → 404 problem+json', async () => {
      const r = await call('/nope', { as: 'leader' });
      expect(r.status).toBe(404);
      expect(r.type).toContain('application/problem+json');
    });

    it('an invalid unit code in the path → 400 naming param.code', async () => {
      const r = await call('/units/' + encodeURIComponent("x' OR 1=1"), { as: 'leader' });
      expect(r.status).toBe(400);
      expect(r.body.errors[0].field).toBe('param.code');
    });
  });

  describe('public endpoints', () => {
    it('/health reports the database', async () => {
      const r = await call('/health');
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ status: 'ok', database: { status: 'up' } });
    });

    it('/api/docs-json is the OpenAPI document generated from the code', async () => {
      const r = await call('/api/docs-json');
      expect(r.status).toBe(200);
      expect(Object.keys(r.body.paths)).toEqual(expect.arrayContaining(['/units', '/units/{code}', '/me', '/health']));
    });
  });
});
