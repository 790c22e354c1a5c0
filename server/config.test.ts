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
    });
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
