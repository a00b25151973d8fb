import { quietOidcProviderNode20Warning } from './oidc-provider-node20';
import { startBuiltServer, stopServer } from './test/start-built-server';

describe("oidc-provider's Node 20 warning", () => {
  const original = console.warn;
  afterEach(() => (console.warn = original));

  it('drops exactly that line on Node ≥ 20.19 and passes every other warning', () => {
    const seen: unknown[][] = [];
    console.warn = (...args: unknown[]) => void seen.push(args);
    expect(quietOidcProviderNode20Warning('20.19.0')).toBe(true);
    console.warn(
      'oidc-provider WARNING: Unsupported runtime. Use Node.js v22.x LTS, or a later LTS release.',
    );
    console.warn(
      '\x1b[31;1moidc-provider WARNING: Unsupported runtime. Use Node.js v22.x LTS, or a later LTS release.\x1b[0m',
    );
    console.warn('oidc-provider WARNING: a quick start development-only in-memory adapter is used');
    console.warn('something else', 1);
    expect(seen).toEqual([
      ['oidc-provider WARNING: a quick start development-only in-memory adapter is used'],
      ['something else', 1],
    ]);
  });

  it('keeps the line on a Node older than 20.19', () => {
    expect(quietOidcProviderNode20Warning('20.18.3')).toBe(false);
    expect(quietOidcProviderNode20Warning('18.20.0')).toBe(false);
  });

  it('the built server does not print it, and still prints oidc-provider’s other warnings', async () => {
    const { child, log } = await startBuiltServer({ DEV_IDP_DATA_DIR: 'memory' });
    await stopServer(child);
    const output = log.join('');
    expect(output).not.toContain('Unsupported runtime');
    expect(output).toContain('in-memory adapter');
  });
});
