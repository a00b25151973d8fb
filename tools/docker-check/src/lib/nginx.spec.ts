import { checkBraces, checkProxyTargets, listenPorts, proxyPassTargets } from './nginx';

const messages = (p: { message: string }[]) => p.map((x) => x.message);

const services = new Map([
  ['api', { ports: [3000] }],
  ['keycloak', { ports: [8080] }],
  ['web', { ports: [] as number[], aliases: ['web.internal'] }],
]);

describe('checkBraces', () => {
  it('accepts balanced blocks, ignoring braces in comments and quoted regexes', () => {
    const conf =
      'http {\n  # a { in a comment\n  server {\n    location ~ "-[A-Z]{8}\\.js$" { expires 1y; }\n    return 200 "}";\n  }\n}\n';
    expect(checkBraces(conf)).toEqual([]);
  });

  it('reports an unclosed block with the line it opened on', () => {
    expect(messages(checkBraces('http {\n  server {\n    listen 80;\n}\n'))).toEqual([
      'line 1: "{" is never closed',
    ]);
  });

  it('reports a stray closing brace', () => {
    expect(messages(checkBraces('events {}\n}\n'))).toEqual(['line 2: "}" closes nothing']);
  });
});

describe('proxy_pass targets', () => {
  it('reads host and port, defaulting the port from the scheme, and resolves upstream blocks', () => {
    const conf =
      'upstream backend {\n  server api:3000 max_fails=3;\n}\nserver {\n  location / { proxy_pass http://backend; }\n  location /x/ { proxy_pass http://keycloak:8080/; }\n  location /y/ { proxy_pass http://web; }\n}\n';
    expect(proxyPassTargets(conf).map((t) => [t.host, t.port, t.line])).toEqual([
      ['api', 3000, 2],
      ['keycloak', 8080, 6],
      ['web', 80, 7],
    ]);
    expect(checkProxyTargets(conf, services)).toEqual([]);
  });

  it('reports a host that is not a compose service', () => {
    expect(
      messages(checkProxyTargets('location / {\n  proxy_pass http://apii:3000/;\n}\n', services)),
    ).toEqual(['line 2: proxy_pass host apii is not a compose service']);
  });

  it('accepts a network alias, reports a port the service does not declare and variable targets', () => {
    const conf =
      'proxy_pass http://web.internal:81;\nproxy_pass http://api:8080;\n# proxy_pass http://ghost:1;\nproxy_pass $backend;\n';
    expect(messages(checkProxyTargets(conf, services))).toEqual([
      'line 2: proxy_pass to api:8080, but service api declares port(s) 3000',
      'line 4: proxy_pass $backend is not a static http(s)://host[:port] target',
    ]);
  });

  it('lists listen ports', () => {
    expect(
      listenPorts('listen 8000;\nlisten [::]:8000;\nlisten 127.0.0.1:81 default_server;\n# listen 9;'),
    ).toEqual([8000, 8000, 81]);
  });
});
