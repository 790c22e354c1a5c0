// oidc-provider ships no types; the tests use a small part of it (tests/support/oidc-provider.ts).
declare module 'oidc-provider' {
  const Provider: new (
    issuer: string,
    configuration: Record<string, unknown>,
  ) => { callback: () => (req: unknown, res: unknown) => void };
  export default Provider;
}
