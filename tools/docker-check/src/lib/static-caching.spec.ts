import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { STATIC_FILE_SAMPLES, checkStaticCaching } from './static-caching';

const ROOT = resolve(__dirname, '../../../..');
const shell = (prefix: string, hashed: string) => `location ${prefix} {\n  root /srv/www;\n  location ~ "${hashed}" {\n    expires 1y;\n  }\n}\n`;
const revalidate = 'location ~* (?:/index\\.html|/federation\\.manifest\\.json|/remoteEntry\\.json|/importmap\\.json|/config\\.json|/sw\\.js)$ {\n  root /srv/www;\n  expires -1;\n}\n';
const GOOD = '(?:-[A-Z0-9]{8}|\\.[A-Za-z0-9_-]{10})\\.(?:js|mjs|css)$';

describe('static caching rules', () => {
  it('the proxy config in docker/ caches hashed bundles for a year and revalidates the entry files', () => {
    expect(checkStaticCaching(readFileSync(resolve(ROOT, 'docker/proxy/nginx.conf'), 'utf8'), 'proxy/nginx.conf')).toEqual([]);
  });

  it('catches the old rule that left Native Federation’s shared bundles uncached', () => {
    const conf = ['/city/', '/department/', '/ward/', '/mfe/'].map((p) => shell(p, '-[A-Z0-9]{8}\\.(?:js|mjs|css)$')).join('') + revalidate;
    const problems = checkStaticCaching(conf, 'nginx.conf').map((p) => p.message);
    expect(problems).toContain('location /ward/: _angular_core.7XzaXjgnGk.js is content-hashed but not cached for a year');
  });

  it('catches an entry file left to heuristic caching', () => {
    const conf = ['/city/', '/department/', '/ward/', '/mfe/'].map((p) => shell(p, GOOD)).join('') + revalidate.replace('|/sw\\.js', '');
    expect(checkStaticCaching(conf, 'nginx.conf').map((p) => p.message)).toEqual(['sw.js is not revalidated (no location with "expires -1" matches it)']);
  });

  it('the local static server (npm start) calls the same files content-hashed', () => {
    // An ES module Jest does not load here: its HASHED_FILE pattern is read from the source.
    const source = readFileSync(resolve(ROOT, 'tools/scripts/static-server.mjs'), 'utf8');
    const m = /export const HASHED_FILE = \/(.+)\/;/.exec(source);
    expect(m).not.toBeNull();
    const hashed = new RegExp((m as RegExpExecArray)[1]);
    for (const s of STATIC_FILE_SAMPLES) expect([s.name, hashed.test(`/srv/${s.name}`)]).toEqual([s.name, s.immutable]);
  });

  it('a proxy serving no web files is not checked', () => {
    expect(checkStaticCaching('http { server { location /api/ { proxy_pass http://api:3000/; } } }', 'nginx.conf')).toEqual([]);
  });
});
