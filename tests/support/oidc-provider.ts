import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Provider from 'oidc-provider';
import { providerFetch } from '../../server/features/people/single-sign-on/provider.js';

export const CLIENT_ID = 'wheelhouse';
export const CLIENT_SECRET = 'a test client secret, long enough';

/** What the provider says about one of its people (the login typed at its sign-in page). */
export interface ProviderAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

/**
 * A real OpenID provider (oidc-provider) over https on loopback, with a self-signed certificate
 * made for this run by openssl. The app trusts it through OIDC_CA_FILE (`caFile`), as an
 * installation trusts a provider on an internal CA; nothing turns certificate checks off.
 */
export async function startTestProvider() {
  const dir = mkdtempSync(join(tmpdir(), 'wh-oidc-'));
  const keyFile = join(dir, 'key.pem');
  const caFile = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      caFile,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    { stdio: 'ignore' },
  );
  const accounts = new Map<string, ProviderAccount>();
  let handler: ((req: unknown, res: unknown) => void) | undefined;
  const server: Server = createServer(
    { key: readFileSync(keyFile), cert: readFileSync(caFile) },
    (req, res) => {
      if (handler) handler(req, res);
      else res.writeHead(503).end();
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    caFile,
    accounts,
    /** The OIDC_* environment of an app using this provider. */
    env: (more: Record<string, string> = {}) => ({
      OIDC_ISSUER_URL: issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_DISPLAY_NAME: 'Acme SSO',
      OIDC_CA_FILE: caFile,
      ...more,
    }),
    /** Serves the provider once the apps' redirect URIs are known. */
    serve(redirectUris: string[]) {
      const provider = new Provider(issuer, {
        clients: [{ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: redirectUris }],
        findAccount: (_ctx: unknown, id: string) =>
          accounts.has(id) ? { accountId: id, claims: () => ({ sub: id, ...accounts.get(id) }) } : undefined,
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
        cookies: { keys: ['a test cookie key'] },
        ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
        features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
      });
      handler = provider.callback();
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type TestProvider = Awaited<ReturnType<typeof startTestProvider>>;

/**
 * A person at the provider, driven over https like a browser: from the authorization URL through
 * the provider's own login and consent forms, to the redirect back to Wheelhouse, which it
 * returns without following (the caller sends it with the right browser's cookies).
 */
export async function signInAtProvider(provider: TestProvider, authorizationUrl: string, login: string) {
  const fetchAt = providerFetch(provider.caFile);
  const cookies = new Map<string, string>();
  let url = authorizationUrl;
  for (let step = 0; step < 12; step++) {
    if (!url.startsWith(provider.issuer)) return url;
    const page = await request(url, 'GET');
    if (page.status >= 300 && page.status < 400) {
      url = new URL(page.location!, url).href;
      continue;
    }
    const prompt = /name="prompt" value="(login|consent)"/.exec(page.body)?.[1];
    if (!prompt)
      throw new Error(`the provider showed no form at ${url}: ${page.status} ${page.body.slice(0, 300)}`);
    const form = new URLSearchParams({ prompt, login, password: 'anything' });
    const submitted = await request(url, 'POST', form.toString());
    url = new URL(submitted.location!, url).href;
  }
  throw new Error('the provider never sent the person back');

  async function request(target: string, method: string, body?: string) {
    const headers: Record<string, string> = {};
    if (cookies.size) headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (body) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetchAt(target, { method, headers, body });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...rest] = pair!.split('=');
      cookies.set(name!.trim(), rest.join('='));
    }
    return { status: res.status, location: res.headers.get('location'), body: await res.text() };
  }
}
