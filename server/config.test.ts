import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has working defaults for a single-user install', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      databaseUrl: './data/wheelhouse.db',
      smtpUrl: undefined,
      mailFrom: 'wheelhouse@localhost',
      publicUrl: 'http://localhost:3000',
      publicUrlSet: false,
      secureCookies: false,
      logLevel: 'info',
      proxyHops: 0,
      sweepIntervalSeconds: 60,
      allowPrivateWebhooks: false,
      passwordHashing: 'strong',
      sso: null,
      vapidKeys: null,
    });
  });

  it('reads the VAPID keys for Web Push (issue 22): both or neither, base64url of the right size', () => {
    const publicKey = Buffer.alloc(65, 4).toString('base64url');
    const privateKey = Buffer.alloc(32, 7).toString('base64url');
    expect(loadConfig({ VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey }).vapidKeys).toEqual({
      publicKey,
      privateKey,
    });
    expect(() => loadConfig({ VAPID_PUBLIC_KEY: publicKey })).toThrow(
      'VAPID_PRIVATE_KEY: is needed with VAPID_PUBLIC_KEY',
    );
    expect(() => loadConfig({ VAPID_PUBLIC_KEY: 'short', VAPID_PRIVATE_KEY: privateKey })).toThrow(
      'VAPID_PUBLIC_KEY: must be a base64url key of 65 bytes',
    );
  });

  it('reads single sign-on (issue 23): the redirect URI from PUBLIC_URL, defaults, one line per bad variable', () => {
    const base = {
      PUBLIC_URL: 'https://wheel.example.com/',
      OIDC_ISSUER_URL: 'https://login.example.com/realms/acme',
      OIDC_CLIENT_ID: 'wheelhouse',
      OIDC_CLIENT_SECRET: 's3cret',
    };
    expect(loadConfig(base).sso).toEqual({
      issuerUrl: 'https://login.example.com/realms/acme',
      clientId: 'wheelhouse',
      clientSecret: 's3cret',
      displayName: 'single sign-on',
      allowedDomains: [],
      scopes: 'openid email profile',
      only: false,
      breakGlassEmail: null,
      caFile: null,
      redirectUri: 'https://wheel.example.com/auth/oidc/callback',
    });
    const full = loadConfig({
      ...base,
      OIDC_DISPLAY_NAME: 'Acme Okta',
      OIDC_ALLOWED_DOMAINS: ' Acme.com, @acme.co.uk ',
      OIDC_SCOPES: 'openid  email',
      OIDC_ONLY: 'true',
      OIDC_BREAK_GLASS_EMAIL: 'Root@Acme.com',
    }).sso;
    expect(full).toMatchObject({
      displayName: 'Acme Okta',
      allowedDomains: ['acme.com', 'acme.co.uk'],
      scopes: 'openid email',
      only: true,
      breakGlassEmail: 'root@acme.com',
    });
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (e) {
        return (e as Error).message
          .split('\n')
          .slice(1)
          .map((l) => l.trim());
      }
    };
    expect(problems({ OIDC_CLIENT_ID: 'x' })).toEqual([
      'OIDC_ISSUER_URL: is required when single sign-on is set up',
      'OIDC_CLIENT_SECRET: is required when single sign-on is set up',
      'PUBLIC_URL: is required with single sign-on (the redirect URI starts with it)',
    ]);
    expect(problems({ ...base, OIDC_ISSUER_URL: 'http://login.example.com' })).toEqual([
      'OIDC_ISSUER_URL: must be an https:// URL',
    ]);
    expect(problems({ ...base, OIDC_SCOPES: 'email profile' })).toEqual(['OIDC_SCOPES: must include openid']);
    expect(problems({ ...base, OIDC_ALLOWED_DOMAINS: 'acme.com, not a domain' })).toEqual([
      'OIDC_ALLOWED_DOMAINS: must be domains separated by commas, like example.com',
    ]);
    expect(problems({ ...base, OIDC_ONLY: 'yes' })).toEqual(['OIDC_ONLY: must be true or false']);
    expect(problems({ ...base, OIDC_ONLY: 'true' })).toEqual([
      'OIDC_BREAK_GLASS_EMAIL: is required with OIDC_ONLY=true (the admin who can still sign in with a password)',
    ]);
    // .env.example's lines, left as they are: off, no complaint.
    expect(
      loadConfig({ OIDC_ISSUER_URL: '', OIDC_SCOPES: 'openid email profile', OIDC_ONLY: 'false' }).sso,
    ).toBeNull();
  });

  it('reads the sweep interval and the private-webhook switch, and refuses nonsense', () => {
    const c = loadConfig({ SWEEP_INTERVAL_SECONDS: '30', ALLOW_PRIVATE_WEBHOOKS: 'true' });
    expect(c.sweepIntervalSeconds).toBe(30);
    expect(c.allowPrivateWebhooks).toBe(true);
    expect(loadConfig({ SWEEP_INTERVAL_SECONDS: '', ALLOW_PRIVATE_WEBHOOKS: '' })).toMatchObject({
      sweepIntervalSeconds: 60,
      allowPrivateWebhooks: false,
    });
    for (const bad of ['0', '2', '1.5', 'soon', '7200']) {
      expect(() => loadConfig({ SWEEP_INTERVAL_SECONDS: bad })).toThrow(
        /SWEEP_INTERVAL_SECONDS: must be a whole number of seconds/,
      );
    }
    expect(() => loadConfig({ ALLOW_PRIVATE_WEBHOOKS: 'yes' })).toThrow(
      /ALLOW_PRIVATE_WEBHOOKS: must be true or false/,
    );
  });

  it('reads every variable, treating empty ones as unset', () => {
    const c = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u:p@db:5432/wh',
      SMTP_URL: 'smtp://mail:25',
      PUBLIC_URL: 'https://coach.example.com/',
      LOG_LEVEL: 'warn',
      TRUST_PROXY: 'true',
      MAIL_FROM: '',
    });
    expect(c).toMatchObject({
      port: 8080,
      publicUrl: 'https://coach.example.com',
      publicUrlSet: true,
      secureCookies: true,
      mailFrom: 'wheelhouse@coach.example.com',
      proxyHops: 1,
    });
  });

  it('takes the number of proxies in front, and refuses anything else', () => {
    expect(loadConfig({ TRUST_PROXY: '2' }).proxyHops).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'false' }).proxyHops).toBe(0);
    expect(() => loadConfig({ TRUST_PROXY: 'yes' })).toThrow(
      /TRUST_PROXY: must be true, false, or the number/,
    );
  });

  it('names each bad variable and why', () => {
    const attempt = () =>
      loadConfig({ PORT: '70000', SMTP_URL: 'mail.example.com', PUBLIC_URL: 'ftp://x', LOG_LEVEL: 'chatty' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(
      /PORT: .*\n.*SMTP_URL: must start with smtp:\/\/ or smtps:\/\/\n.*PUBLIC_URL: must be an http:\/\/ or https:\/\/ URL\n.*LOG_LEVEL: /,
    );
  });
});
