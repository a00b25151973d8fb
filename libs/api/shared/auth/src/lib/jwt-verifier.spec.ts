import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import { JwtVerifier } from './jwt-verifier';

const ISS = 'http://idp.test/realms/ha-noi';

describe('JwtVerifier', () => {
  let sign: (claims: Record<string, unknown>, opts?: { exp?: string | number; aud?: string; iss?: string; alg?: string }) => Promise<string>;
  let verifier: JwtVerifier;

  beforeAll(async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' }] });
    verifier = new JwtVerifier({ issuers: [ISS], audience: 'dieu-hanh-api', clockToleranceSeconds: 0 }, () => jwks);
    sign = (claims, opts = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(opts.iss ?? ISS)
        .setAudience(opts.aud ?? 'dieu-hanh-api')
        .setSubject('sub-1')
        .setIssuedAt()
        .setExpirationTime(opts.exp ?? '5m')
        .sign(privateKey);
  });

  const good = { preferred_username: 'lanhdao', name: 'Trần Minh Quang', unit: '01-UBND', tier: 1, realm_access: { roles: ['leader'] } };

  it('returns Keycloak claims as a typed identity, realm from the issuer', async () => {
    await expect(verifier.verify(await sign(good))).resolves.toEqual({
      issuer: ISS,
      realm: 'ha-noi',
      subject: 'sub-1',
      username: 'lanhdao',
      name: 'Trần Minh Quang',
      email: null,
      unit: '01-UBND',
      tier: 1,
      roles: ['leader'],
    });
  });

  it.each([
    ['expired', async () => sign(good, { exp: Math.floor(Date.now() / 1000) - 60 }), 'AUTH.TOKEN_EXPIRED'],
    ['wrong audience', async () => sign(good, { aud: 'account' }), 'AUTH.TOKEN_INVALID'],
    ['untrusted issuer', async () => sign(good, { iss: 'http://idp.test/realms/other' }), 'AUTH.UNKNOWN_ISSUER'],
    ['no unit claim', async () => sign({ ...good, unit: undefined }), 'AUTH.TOKEN_INVALID'],
    ['a tier that is not 1 or 2', async () => sign({ ...good, tier: 3 }), 'AUTH.TOKEN_INVALID'],
    ['no realm roles', async () => sign({ ...good, realm_access: {} }), 'AUTH.TOKEN_INVALID'],
    ['garbage', async () => 'x.y.z', 'AUTH.TOKEN_INVALID'],
  ])('refuses a token: %s', async (_l, make, code) => {
    await expect(verifier.verify(await make())).rejects.toMatchObject({ code, kind: 'unauthenticated' });
  });

  it('refuses an unsigned (alg none) token', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ ...good, iss: ISS, aud: 'dieu-hanh-api', exp: Date.now() / 1000 + 60 })).toString('base64url');
    await expect(verifier.verify(`${header}.${body}.`)).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
  });

  it('remembers a verified token, but never past its expiry', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const token = await sign(good, { exp: Math.floor(Date.now() / 1000) + 20 });
      const first = await verifier.verify(token);
      await expect(verifier.verify(token)).resolves.toBe(first); // the same verified claims, not a second check
      jest.setSystemTime(Date.now() + 21_000);
      await expect(verifier.verify(token)).rejects.toMatchObject({ code: 'AUTH.TOKEN_EXPIRED' });
    } finally {
      jest.useRealTimers();
    }
  });

  it('remembers nothing of a refused token: a tampered copy of a good one is refused', async () => {
    const token = await sign(good);
    await verifier.verify(token);
    const [h, , sig] = token.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...good, unit: '01-SNV', iss: ISS, aud: 'dieu-hanh-api', sub: 'sub-1', exp: Date.now() / 1000 + 60 })).toString('base64url')}.${sig}`;
    await expect(verifier.verify(forged)).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
  });
});
