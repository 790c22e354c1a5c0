import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { KyselyPlugin } from 'kysely';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createApp } from '../../server/app.js';
import {
  attachLiveChannel,
  type LiveChannel,
} from '../../server/features/cadence/coaching-sessions/live-channel.js';
import { loadConfig, type Config } from '../../server/config.js';
import type { Deps } from '../../server/http/env.js';
import { openDatabase } from '../../server/db/database.js';
import { createMailer } from '../../server/mail/mailer.js';
import { createTestDatabase, type TestEngine } from './test-database.js';
import { postgresTestKeys } from './test-keys.js';

export interface TestApp {
  url: string;
  deps: Deps;
  /** The coaching session's live channel on this instance. */
  live: LiveChannel;
  close: () => Promise<void>;
}

export interface TestAppOptions {
  engine?: TestEngine;
  smtpUrl?: string;
  webRoot?: string;
  publicUrl?: string;
  /** The app's clock (default: the real time); a test moves it to skip weeks. */
  now?: () => Date;
  /** TRUST_PROXY for the app (the client's address then comes from X-Forwarded-For). */
  trustProxy?: string;
  /** PostgreSQL: a cluster of the test's own (default: the run's shared cluster). */
  postgresUrl?: string;
  /** ALLOW_PRIVATE_WEBHOOKS for the app (tests reach their loopback Slack/Teams sink). */
  allowPrivateWebhooks?: boolean;
  /** A second instance: share this database (e.g. `other.deps.config.databaseUrl`) over a pool of its own; not dropped on close. */
  databaseUrl?: string;
  /** Every line the app logs (pino JSON, all levels) is pushed here. */
  logLines?: string[];
  /** More environment for loadConfig (single sign-on's OIDC_* variables). */
  env?: Record<string, string>;
  /** Kysely plugins on the app's database handle (a test counting the queries a request makes). */
  plugins?: KyselyPlugin[];
}

/** The real app over real HTTP on a loopback port, on its own fresh database. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.databaseUrl
    ? sharedDatabase(options.databaseUrl)
    : await createTestDatabase(options.engine, options.postgresUrl);
  const lines = options.logLines;
  const log = lines
    ? pino({ level: 'trace' }, { write: (line: string) => void lines.push(line) })
    : pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const server = serve({ fetch: (req, env) => app.fetch(req, env), port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const config: Config = {
    ...loadConfig({
      PORT: String(port),
      PUBLIC_URL: options.publicUrl ?? url,
      DATABASE_URL: database.url,
      SMTP_URL: options.smtpUrl ?? '',
      TRUST_PROXY: options.trustProxy ?? 'false',
      ALLOW_PRIVATE_WEBHOOKS: options.allowPrivateWebhooks ? 'true' : 'false',
      ...options.env,
    }),
    // argon2's cheapest setting: tests make hundreds of accounts (production: 'strong', ~35 ms each).
    passwordHashing: 'fast-for-tests',
  };
  const deps: Deps = {
    db: (options.plugins ?? []).reduce((db, plugin) => db.withPlugin(plugin), database.db),
    engine: database.engine,
    config,
    mailer: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log }),
    log,
    now: options.now ?? (() => new Date()),
  };
  const app = createApp(deps, { webRoot: options.webRoot });
  const live = attachLiveChannel(server as import('node:http').Server, deps);
  return {
    url,
    deps,
    live,
    close: async () => {
      await live.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.drop();
    },
  };
}

/**
 * Registers the hooks that start and close a test app: one app for the file (or describe block),
 * or with `perTest` a fresh one (and database) for every test. Use the returned app inside tests
 * and hooks; it stands for the current one.
 */
export function useTestApp(options: TestAppOptions & { perTest?: boolean } = {}): TestApp {
  const { perTest, ...startOptions } = options;
  let current: TestApp | undefined;
  const app = () => {
    if (!current) throw new Error('useTestApp: the app exists only inside tests and hooks');
    return current;
  };
  (perTest ? beforeEach : beforeAll)(async () => {
    current = await startTestApp(startOptions);
  });
  (perTest ? afterEach : afterAll)(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    get url() {
      return app().url;
    },
    get deps() {
      return app().deps;
    },
    get live() {
      return app().live;
    },
    close: () => app().close(),
  };
}

/** Another connection pool on an existing test database: a second instance of the app. */
function sharedDatabase(url: string) {
  const opened = openDatabase(url, url.startsWith('postgres') ? { keys: postgresTestKeys } : {});
  return { ...opened, url, drop: () => opened.close() };
}
