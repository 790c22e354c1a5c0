import { z } from 'zod';
import type { PasswordHashing } from './features/people/auth/passwords.js';
import {
  checkSsoEnv,
  ssoEnvFields,
  toSsoConfig,
  type SsoConfig,
} from './features/people/single-sign-on/sso-config.js';

/** TRUST_PROXY: false (no proxy), true (one proxy in front) or the number of proxies in front. */
const proxyHopsFromEnv = z
  .string()
  .default('false')
  .transform((v, ctx) => {
    if (['', 'false', '0'].includes(v)) return 0;
    if (['true', '1'].includes(v)) return 1;
    const n = Number(v);
    if (Number.isInteger(n) && n >= 1 && n <= 10) return n;
    ctx.addIssue({
      code: 'custom',
      message: 'must be true, false, or the number of proxies in front (1–10)',
    });
    return z.NEVER;
  });

const emptyAsUndefined = (v: unknown) => (v === '' ? undefined : v);

const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATABASE_URL: z.preprocess(emptyAsUndefined, z.string().default('./data/wheelhouse.db')),
    SMTP_URL: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
        .optional(),
    ),
    MAIL_FROM: z.preprocess(emptyAsUndefined, z.email().optional()),
    PUBLIC_URL: z.preprocess(
      emptyAsUndefined,
      z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
    ),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TRUST_PROXY: proxyHopsFromEnv,
    SWEEP_INTERVAL_SECONDS: z.preprocess(
      emptyAsUndefined,
      z.coerce
        .number({ error: 'must be a whole number of seconds (5–3600)' })
        .int('must be a whole number of seconds (5–3600)')
        .min(5, 'must be a whole number of seconds (5–3600)')
        .max(3600, 'must be a whole number of seconds (5–3600)')
        .default(60),
    ),
    ALLOW_PRIVATE_WEBHOOKS: z.preprocess(
      emptyAsUndefined,
      z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'),
    ),
    ...ssoEnvFields,
    VAPID_PUBLIC_KEY: z.preprocess(emptyAsUndefined, z.string().optional()),
    VAPID_PRIVATE_KEY: z.preprocess(emptyAsUndefined, z.string().optional()),
  })
  .superRefine(checkSsoEnv)
  .superRefine(checkVapidEnv);

/** Both VAPID keys or neither; base64url, as `npx web-push generate-vapid-keys` prints them. */
function checkVapidEnv(
  c: { VAPID_PUBLIC_KEY?: string | undefined; VAPID_PRIVATE_KEY?: string | undefined },
  ctx: z.RefinementCtx,
) {
  const bytes = (v: string) => (/^[A-Za-z0-9_-]+$/.test(v) ? Buffer.from(v, 'base64url').length : -1);
  const checks = [
    ['VAPID_PUBLIC_KEY', c.VAPID_PUBLIC_KEY, 65, 'VAPID_PRIVATE_KEY'],
    ['VAPID_PRIVATE_KEY', c.VAPID_PRIVATE_KEY, 32, 'VAPID_PUBLIC_KEY'],
  ] as const;
  for (const [name, value, size, other] of checks) {
    if (value === undefined) {
      if (c[other] !== undefined)
        ctx.addIssue({ code: 'custom', path: [name], message: `is needed with ${other}` });
    } else if (bytes(value) !== size)
      ctx.addIssue({ code: 'custom', path: [name], message: `must be a base64url key of ${size} bytes` });
  }
}

export type Config = {
  port: number;
  databaseUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  /** PUBLIC_URL was set: it overrides the address a workspace recorded at setup (links, mail). */
  publicUrlSet: boolean;
  /** Cookies are marked Secure when people reach Wheelhouse over https. */
  secureCookies: boolean;
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
  /** How many reverse proxies stand in front (each appends to X-Forwarded-For); 0: none trusted. */
  proxyHops: number;
  /** How often every instance runs the delivery sweep (decision 033). */
  sweepIntervalSeconds: number;
  /** Webhooks may point at private/loopback addresses (and use http:); for intranets and tests. */
  allowPrivateWebhooks: boolean;
  /** Always 'strong' from the environment; only a test's app sets 'fast-for-tests'. */
  passwordHashing: PasswordHashing;
  /** Single sign-on through OpenID Connect (OIDC_* variables), or null. */
  sso: SsoConfig | null;
  /** Web Push's VAPID key pair from VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY, or null: made once and stored. */
  vapidKeys: { publicKey: string; privateKey: string } | null;
};

/** Parses the environment once at start-up; throws ConfigError with one line per bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const c = parsed.data;
  const publicUrl = (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, '');
  return {
    port: c.PORT,
    databaseUrl: c.DATABASE_URL,
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM ?? `wheelhouse@${new URL(publicUrl).hostname}`,
    publicUrl,
    publicUrlSet: c.PUBLIC_URL !== undefined,
    secureCookies: publicUrl.startsWith('https:'),
    logLevel: c.LOG_LEVEL,
    proxyHops: c.TRUST_PROXY,
    sweepIntervalSeconds: c.SWEEP_INTERVAL_SECONDS,
    allowPrivateWebhooks: c.ALLOW_PRIVATE_WEBHOOKS === 'true',
    passwordHashing: 'strong',
    sso: toSsoConfig(c, publicUrl),
    vapidKeys:
      c.VAPID_PUBLIC_KEY && c.VAPID_PRIVATE_KEY
        ? { publicKey: c.VAPID_PUBLIC_KEY, privateKey: c.VAPID_PRIVATE_KEY }
        : null,
  };
}

export class ConfigError extends Error {}
