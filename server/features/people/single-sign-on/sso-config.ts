import { z } from 'zod';

/** Single sign-on as configured for the whole installation (issue 23); null when it is off. */
export interface SsoConfig {
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  /** The button's words: "Sign in with <displayName>". */
  displayName: string;
  /** E-mail domains whose people join as members; empty: only people already invited. */
  allowedDomains: string[];
  scopes: string;
  /** Password sign-in is off for everyone but the break-glass admin. */
  only: boolean;
  /** The one admin who may still sign in with a password when `only` is on. */
  breakGlassEmail: string | null;
  /** A PEM file of extra certificate authorities to trust for the provider (an internal CA). */
  caFile: string | null;
  /** Always `<PUBLIC_URL>/auth/oidc/callback`, never from request headers. */
  redirectUri: string;
}

const emptyAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUndefined, schema.optional());
const domain = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** The OIDC_* variables, merged into the configuration schema (config.ts). */
export const ssoEnvFields = {
  OIDC_ISSUER_URL: optional(z.url({ protocol: /^https$/, error: 'must be an https:// URL' })),
  OIDC_CLIENT_ID: optional(z.string().max(500)),
  OIDC_CLIENT_SECRET: optional(z.string().max(2000)),
  OIDC_DISPLAY_NAME: optional(z.string().max(60, 'must be at most 60 characters')),
  OIDC_ALLOWED_DOMAINS: optional(
    z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
          .filter(Boolean),
      )
      .refine(
        (list) => list.every((d) => domain.test(d)),
        'must be domains separated by commas, like example.com',
      ),
  ),
  OIDC_SCOPES: optional(
    z
      .string()
      .transform((v) => v.trim().split(/\s+/))
      .refine((list) => list.includes('openid'), 'must include openid')
      .refine(
        (list) => list.every((s) => /^[\x21\x23-\x5b\x5d-\x7e]+$/.test(s)),
        'must be scopes separated by spaces',
      ),
  ),
  OIDC_ONLY: optional(z.enum(['true', 'false'], { error: 'must be true or false' })),
  OIDC_BREAK_GLASS_EMAIL: optional(
    z.string().trim().toLowerCase().pipe(z.email('must be an e-mail address')),
  ),
  OIDC_CA_FILE: optional(z.string()),
};

type SsoEnv = { [K in keyof typeof ssoEnvFields]?: z.infer<(typeof ssoEnvFields)[K]> };

/** Cross-variable checks: one line per problem, like every other bad variable. */
export function checkSsoEnv(env: SsoEnv & { PUBLIC_URL?: string }, ctx: z.RefinementCtx) {
  // Set up once the provider or the client is named (or passwords are turned off); the rest have defaults.
  const named = [env.OIDC_ISSUER_URL, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].some(
    (v) => v !== undefined,
  );
  const set = named || env.OIDC_ONLY === 'true';
  if (!set) return;
  for (const name of ['OIDC_ISSUER_URL', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const)
    if (env[name] === undefined)
      ctx.addIssue({ code: 'custom', path: [name], message: 'is required when single sign-on is set up' });
  // The redirect URI registered at the provider starts with it; never guessed from a request.
  if (env.PUBLIC_URL === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['PUBLIC_URL'],
      message: 'is required with single sign-on (the redirect URI starts with it)',
    });
  if (env.OIDC_ONLY === 'true' && env.OIDC_BREAK_GLASS_EMAIL === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['OIDC_BREAK_GLASS_EMAIL'],
      message: 'is required with OIDC_ONLY=true (the admin who can still sign in with a password)',
    });
}

/** The validated variables as SsoConfig (null when no OIDC_* variable is set). */
export function toSsoConfig(env: SsoEnv, publicUrl: string): SsoConfig | null {
  if (!env.OIDC_ISSUER_URL || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  return {
    issuerUrl: env.OIDC_ISSUER_URL,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    displayName: env.OIDC_DISPLAY_NAME ?? 'single sign-on',
    allowedDomains: env.OIDC_ALLOWED_DOMAINS ?? [],
    scopes: (env.OIDC_SCOPES ?? ['openid', 'email', 'profile']).join(' '),
    only: env.OIDC_ONLY === 'true',
    breakGlassEmail: env.OIDC_BREAK_GLASS_EMAIL ?? null,
    caFile: env.OIDC_CA_FILE ?? null,
    redirectUri: `${publicUrl}/auth/oidc/callback`,
  };
}
