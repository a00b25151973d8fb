// oidc-provider ships no type declarations; the dev server uses a small, explicit surface of it.
declare module 'oidc-provider' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const Provider: any;
  export default Provider;
}
