import { checkPublicUrl, type PublicUrlFacts } from './public-url';

const base: PublicUrlFacts = {
  publicUrl: 'http://dieuhanh.localhost:8000',
  issuers: ['http://dieuhanh.localhost:8000/realms/ha-noi'],
  proxyAliases: ['dieuhanh.localhost'],
  proxyListenPorts: [8000],
  proxyPublishedPorts: [8000],
};
const messages = (p: { message: string }[]) => p.map((x) => x.message);

describe('checkPublicUrl', () => {
  it('accepts issuers under the public URL whose host the proxy answers for on the same port', () => {
    expect(checkPublicUrl(base)).toEqual([]);
  });

  it('reports issuers that do not match the public URL', () => {
    expect(messages(checkPublicUrl({ ...base, issuers: ['http://localhost:8080/realms/ha-noi'] }))).toEqual([
      'issuer http://localhost:8080/realms/ha-noi is not under http://dieuhanh.localhost:8000/realms/: tokens from Keycloak would be rejected',
    ]);
  });

  it('reports a proxy alias on a port the proxy does not listen on', () => {
    expect(
      messages(
        checkPublicUrl({
          ...base,
          publicUrl: 'http://dieuhanh.localhost',
          issuers: [],
          proxyPublishedPorts: [],
        }),
      ),
    ).toEqual([
      "containers resolve dieuhanh.localhost to the proxy, which listens on 8000, not 80: the API could not fetch the realms' keys",
    ]);
  });

  it('reports a published port that differs from the public URL port', () => {
    expect(messages(checkPublicUrl({ ...base, proxyPublishedPorts: [9000] }))).toEqual([
      'the proxy is published on 9000, not on 8000: browsers could not reach http://dieuhanh.localhost:8000',
    ]);
  });

  it('reports localhost, which containers cannot share with the browser, and a missing alias for *.localhost', () => {
    expect(messages(checkPublicUrl({ ...base, publicUrl: 'http://localhost:8000', issuers: [] }))).toEqual([
      "http://localhost:8000 is the host machine's loopback; inside a container it is the container itself",
    ]);
    expect(messages(checkPublicUrl({ ...base, proxyAliases: [] }))).toEqual([
      'dieuhanh.localhost resolves to loopback outside Docker only: give the proxy that network alias',
    ]);
  });

  it('only warns when the public URL is reached through external DNS', () => {
    const problems = checkPublicUrl({
      ...base,
      publicUrl: 'https://dieuhanh.example.gov.vn',
      issuers: ['https://dieuhanh.example.gov.vn/realms/ha-noi'],
      proxyAliases: ['proxy.internal'],
    });
    expect(problems.map((p) => p.level)).toEqual(['warning']);
  });

  it('reports a trailing slash or a path', () => {
    expect(
      messages(checkPublicUrl({ ...base, publicUrl: 'http://dieuhanh.localhost:8000/auth', issuers: [] })),
    ).toEqual([
      'KC_HOSTNAME http://dieuhanh.localhost:8000/auth has a path; the proxy serves Keycloak at the root (/realms/...)',
    ]);
    expect(checkPublicUrl({ ...base, publicUrl: 'not a url' })[0].message).toMatch(/is not a URL/);
  });
});
