import { SignJWT, generateKeyPair } from 'jose';
import { DEMO_ACCOUNTS, api, tokenFor, urls } from '@dieu-hanh/testing/e2e-support';

describe('tokens at the edge of the running API', () => {
  const { apiUrl, idpUrl } = urls();
  const leader = DEMO_ACCOUNTS.find((a) => a.username === 'lanhdao')!;

  it('a token from the dev login server gets /me (the README’s curl)', async () => {
    const r = await api(apiUrl, '/me', { token: await tokenFor(idpUrl, leader) });
    expect(r.status).toBe(200);
    expect(r.body.unit.code).toBe('01-UBND');
  });

  it('401 without a token and with a malformed one', async () => {
    expect((await api(apiUrl, '/me')).status).toBe(401);
    expect((await api(apiUrl, '/me', { token: 'abc.def' })).status).toBe(401);
  });

  it('401 for a real token whose signature was tampered with', async () => {
    const token = await tokenFor(idpUrl, leader);
    const [h, p, s] = token.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    claims.unit = '00004';
    const forged = `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}`;
    const r = await api(apiUrl, '/me', { token: forged });
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('AUTH.TOKEN_INVALID');
  });

  it('401 for a token signed by a key that is not the realm’s', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT({ preferred_username: 'x', unit: '01-UBND', tier: 1, realm_access: { roles: ['leader'] } })
      .setProtectedHeader({ alg: 'RS256', kid: 'someone-else' })
      .setIssuer(`${idpUrl}/realms/ha-noi`)
      .setAudience('dieu-hanh-api')
      .setSubject('x')
      .setExpirationTime('5m')
      .sign(privateKey);
    expect((await api(apiUrl, '/me', { token })).status).toBe(401);
  });

  it('401 for a token from a realm the API does not trust', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT({ unit: '01-UBND', tier: 1, realm_access: { roles: ['leader'] } })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(`${idpUrl}/realms/da-nang`)
      .setAudience('dieu-hanh-api')
      .setSubject('x')
      .setExpirationTime('5m')
      .sign(privateKey);
    const r = await api(apiUrl, '/me', { token });
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('AUTH.UNKNOWN_ISSUER');
  });

  it('public endpoints: /health and the OpenAPI UI', async () => {
    expect((await api(apiUrl, '/health')).body).toMatchObject({ status: 'ok', database: { status: 'up', mode: 'external' } });
    const docs = await fetch(`${apiUrl}/api/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
  });
});
