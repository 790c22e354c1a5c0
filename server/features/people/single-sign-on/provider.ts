import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { rootCertificates } from 'node:tls';
import * as oidc from 'openid-client';
import type { SsoConfig } from './sso-config.js';

/**
 * The provider's discovered configuration, fetched on first use and kept (one per issuer and
 * client); a failed discovery is forgotten, so the next sign-in tries again. Wheelhouse starts
 * even while the provider is down: password sign-in and everything else keep working.
 */
const discovered = new Map<string, Promise<oidc.Configuration>>();

export function providerConfiguration(sso: SsoConfig): Promise<oidc.Configuration> {
  const key = `${sso.issuerUrl}|${sso.clientId}|${sso.caFile ?? ''}`;
  let found = discovered.get(key);
  if (!found) {
    found = oidc.discovery(
      new URL(sso.issuerUrl),
      sso.clientId,
      undefined, // Basic is every provider's default (Okta, Keycloak, oidc-provider); Google and Entra take it too.
      oidc.ClientSecretBasic(sso.clientSecret),
      {
        [oidc.customFetch]: providerFetch(sso.caFile),
        timeout: 10,
      },
    );
    discovered.set(key, found);
    found.catch(() => discovered.delete(key));
  }
  return found;
}

/**
 * https to the provider, trusting the system's authorities plus OIDC_CA_FILE (a provider on an
 * internal CA, and the tests' own provider). Node's fetch cannot be given authorities per call
 * on Node 20, hence node:https; only https is ever spoken (the issuer must be https).
 */
export function providerFetch(caFile: string | null) {
  const ca = caFile ? [...rootCertificates, readFileSync(caFile, 'utf8')] : undefined;
  return (
    url: string,
    options: { method: string; headers: Record<string, string>; body?: unknown; signal?: AbortSignal },
  ) =>
    new Promise<Response>((resolve, reject) => {
      const body = options.body === undefined || options.body === null ? undefined : String(options.body);
      const req = request(
        url,
        { method: options.method, headers: options.headers, ca, signal: options.signal },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const headers = new Headers();
            for (const [name, value] of Object.entries(res.headers))
              for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value])
                headers.append(name, v);
            const status = res.statusCode ?? 502;
            const noBody = status === 204 || status === 304 || options.method === 'HEAD';
            resolve(new Response(noBody ? null : Buffer.concat(chunks), { status, headers }));
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}
