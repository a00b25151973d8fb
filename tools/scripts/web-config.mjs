// Deploy-time configuration of the shells, written once here for `npm start` and the browser tests.
export const SHELLS = [
  { name: 'city-shell', port: 4201 },
  { name: 'department-shell', port: 4202 },
  { name: 'ward-portal', port: 4203 },
];
export const REMOTES = [
  { name: 'mfe-directory', port: 4301 },
  { name: 'mfe-plans', port: 4302 },
];

export function shellOverrides(shell, { apiUrl, idpUrl, realms, remotePorts = {} }) {
  const shellUrls = Object.fromEntries(SHELLS.map((s) => [s.name, `http://localhost:${s.port}/`]));
  const manifest = Object.fromEntries(
    REMOTES.map((r) => [r.name, `http://localhost:${remotePorts[r.name] ?? r.port}/remoteEntry.json`]),
  );
  return {
    '/config.json': { shell, apiUrl, idpUrl, realms: realms.map((r) => ({ realm: r.realm, name: r.displayName })), shellUrls },
    '/federation.manifest.json': manifest,
  };
}
