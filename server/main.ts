import { serve } from '@hono/node-server';
import { pino } from 'pino';
import { createApp } from './app.js';
import { startCadence } from './cadence.js';
import { ensureWebBuild, webDist } from './build-web.js';
import { ConfigError, loadConfig } from './config.js';
import { KeyError } from './crypto/keys.js';
import { sealClearFields } from './crypto/reseal.js';
import { listenForBackups } from './db/backup.js';
import { DatabaseLockedError, openDatabase, sqlitePath } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { createMailer } from './mail/mailer.js';
import { attachLiveChannel } from './features/cadence/coaching-sessions/live-channel.js';

/** Starts Wheelhouse: config, database (created and migrated), web build, HTTP server. */
async function main() {
  const config = loadConfig();
  const log = pino({ level: config.logLevel });
  const { db, engine, close, backup } = openDatabase(config.databaseUrl);
  await migrateToLatest(db);
  // Refuses to start without the keys of stored values; seals text from before encryption (decision 044).
  const sealed = await sealClearFields(db);
  if (sealed > 0) log.info({ sealed }, 'encrypted confidential text stored before encryption at rest');
  // `npm run backup` asks this process for a copy of its SQLite file (decision 008).
  const backups = backup
    ? await listenForBackups({ databasePath: sqlitePath(config.databaseUrl), copy: backup, log })
    : null;
  await ensureWebBuild(log);
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log });
  const deps = { db, engine, config, mailer, log, now: () => new Date() };
  const app = createApp(deps, { webRoot: webDist });
  // Every instance runs the same delivery sweep; claims make each delivery go out once (decision 033).
  const stopSweeps = startCadence(deps);

  const server = serve({ fetch: app.fetch, port: config.port, hostname: '0.0.0.0' }, (info) => {
    log.info(`Wheelhouse is ready at ${config.publicUrl} (port ${info.port}, ${engine} database)`);
  });
  // The coaching session's live page: WebSockets on the same port and origin (decision 056).
  const live = attachLiveChannel(server as import('node:http').Server, deps);
  // A port taken by another program is a setting to change, not a crash with a stack trace.
  server.once('error', (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === 'EADDRINUSE'
        ? `Port ${config.port} is already in use: stop the program using it, or set PORT to another port.`
        : `Wheelhouse could not listen on port ${config.port}: ${error.message}`,
    );
    stopSweeps();
    backups?.close();
    void close()
      .catch(() => undefined)
      .then(() => process.exit(1));
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal} received: finishing in-flight requests, then closing the database`);
    backups?.close();
    stopSweeps();
    // Live pages are closed (their notes stored) before the server waits for connections to end.
    const liveClosed = live
      .close()
      .catch((error: unknown) => log.warn({ err: error }, 'live pages did not close cleanly'));
    // Stop accepting; in-flight requests finish; idle keep-alive connections close.
    server.close(() => {
      void liveClosed.then(() =>
        close().then(
          () => {
            log.info('stopped');
            process.exit(0);
          },
          // The database went away first (an outage at shutdown): nothing is left to flush.
          (error: unknown) => {
            log.warn({ err: error }, 'the database did not close cleanly');
            process.exit(0);
          },
        ),
      );
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    setTimeout(() => {
      log.warn('in-flight requests did not finish within 10 s; exiting');
      process.exit(1);
    }, 10_000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseLockedError || error instanceof KeyError) {
    console.error(error.message);
  } else {
    console.error('Wheelhouse could not start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
