import { closeSync, mkdirSync, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type pg from 'pg';
import type { Keyring } from '../crypto/field-crypto.js';
import { loadKeyring } from '../crypto/keys.js';
import { withKeyring } from '../crypto/sealed-fields.js';
import type { Database } from './schema.js';

export type Engine = 'sqlite' | 'postgres';

export type Db = Kysely<Database>;

export interface OpenDatabase {
  db: Db;
  engine: Engine;
  close: () => Promise<void>;
  /** SQLite only: a consistent copy of the open database, made by this connection (online backup). */
  backup?: (destination: string) => Promise<void>;
}

/** Thrown when the SQLite file is already held by another Wheelhouse process. */
export class DatabaseLockedError extends Error {}

/**
 * Opens SQLite (a file path or file: URL) or PostgreSQL (a postgres:// URL). The handle carries
 * the field-encryption keys (decision 044): `keys`, else WHEELHOUSE_ENCRYPTION_KEYS, else the
 * SQLite file's key file (created at first start); loaded before the database is touched.
 */
export function openDatabase(url: string, options: { keys?: Keyring } = {}): OpenDatabase {
  const postgres = /^postgres(ql)?:\/\//.test(url);
  const keys =
    options.keys ?? loadKeyring({ env: process.env, sqliteFile: postgres ? null : sqlitePath(url) });
  const opened = postgres ? openPostgres(url) : openSqlite(sqlitePath(url));
  return { ...opened, db: withKeyring(opened.db, keys) };
}

export function sqlitePath(url: string): string {
  if (url.startsWith('file:')) return fileURLToPath(new URL(url, `file://${process.cwd()}/`));
  return resolve(url);
}

/**
 * Creates an absent SQLite file readable by this user only (0600, like the key file): SQLite
 * would make it 0644, and gives the -wal (and -shm) file the mode of the database file.
 * An existing file keeps the mode its owner gave it.
 */
export function createPrivateFile(path: string): void {
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

function openSqlite(path: string): OpenDatabase {
  mkdirSync(dirname(path), { recursive: true });
  createPrivateFile(path);
  // No busy wait at open: a held lock should fail fast with a clear message.
  const file = new SQLite(path, { timeout: 0 });
  try {
    // An exclusive lock held for the life of the process: a second process cannot open the file.
    file.pragma('locking_mode = EXCLUSIVE');
    file.pragma('journal_mode = WAL');
    file.exec('BEGIN EXCLUSIVE; COMMIT;');
  } catch (error) {
    file.close();
    if (error instanceof Error && /locked|busy/i.test(error.message)) {
      throw new DatabaseLockedError(
        `The database file ${path} is in use by another Wheelhouse process. Stop that process, or set DATABASE_URL to another file.`,
      );
    }
    throw error;
  }
  file.pragma('synchronous = FULL');
  file.pragma('foreign_keys = ON');
  // Deleted content is overwritten with zeros instead of lingering in free pages, so an erasure
  // leaves nothing in the file or its WAL (decision 043; costs a few percent on deletes).
  file.pragma('secure_delete = ON');
  file.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(file) }) });
  const backup = async (destination: string) => {
    await file.backup(destination);
  };
  return { db, engine: 'sqlite', close: () => db.destroy(), backup };
}

// The PostgreSQL driver (~13 MB) is loaded only when the database is PostgreSQL.
const load = createRequire(import.meta.url);

function openPostgres(url: string): OpenDatabase {
  const { Pool } = load('pg') as typeof pg;
  // A database that does not answer (or a pool busy that long) fails a request after 10 s with a
  // 503 instead of holding it until TCP gives up.
  const pool = new Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000 });
  // An idle connection the server closes (restart, failover) must not crash the process: the
  // pool drops it and opens a new one on the next query.
  pool.on('error', (error) => console.error(`PostgreSQL closed an idle connection: ${error.message}`));
  // A connection can also end while its client is checked out (a query running, a transaction
  // between two queries): pg then emits 'error' on that client, which the pool listens to only
  // while it is idle, and an 'error' nobody listens to ends the process (issue 19). The query
  // fails by itself (the request answers 503 and logs why), the pool drops the broken client
  // on release: nothing is left to do here but to listen.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', close: () => db.destroy() };
}

const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  '57P01', // admin_shutdown: the server is stopping
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
]);

/**
 * True when an error means PostgreSQL cannot be reached right now (stopped, restarting, network
 * gone), rather than a fault in the request: the HTTP edge answers 503 and the pool reconnects by
 * itself on a later request.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && unreachableCodes.has(code)) return true;
  if (/^Connection terminated|timeout exceeded when trying to connect|is not queryable/i.test(error.message))
    return true;
  // Node reports a refused connection to several addresses (localhost: ::1 and 127.0.0.1) as one.
  if (error instanceof AggregateError) return error.errors.some(isDatabaseUnreachable);
  return false;
}

/**
 * Kysely prepares every statement anew; preparing costs about a third of a simple query's time
 * in SQLite. The app issues a small, fixed set of SQL texts, so prepared statements are kept
 * (bounded, oldest dropped first) and reused.
 */
function withStatementCache(file: SQLite.Database, max = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => file.close(),
    prepare(sqlText: string) {
      let statement = cache.get(sqlText);
      if (!statement) {
        statement = file.prepare(sqlText);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
        cache.set(sqlText, statement);
      }
      return statement;
    },
  };
}
