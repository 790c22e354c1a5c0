import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import SQLite from 'better-sqlite3';
import { copyKeyFileBeside } from '../crypto/keys.js';
import { createPrivateFile } from './database.js';

/**
 * Backups of the SQLite file (decision 008). The server holds its file with an exclusive lock, so
 * only the server's own connection can read it: `npm run backup` asks the running server over a
 * Unix socket next to the file, and the server copies the database with SQLite's online backup
 * API. With no server running, the CLI opens the file itself and does the same.
 */

export interface BackupResult {
  path: string;
  bytes: number;
  milliseconds: number;
  /** The key file copied beside the backup (decision 044), or null when the keys come from the environment. */
  keyFile?: string | null;
}

/** A refusal the CLI prints as one line (no stack trace). */
export class BackupError extends Error {}

/** `<dir>/backups/<name>-<UTC time>.db` next to the database file. */
export function defaultBackupPath(databasePath: string, now: Date): string {
  const name = basename(databasePath, extname(databasePath));
  return join(dirname(databasePath), 'backups', `${name}-${stamp(now)}.db`);
}

const stamp = (now: Date) => now.toISOString().replace(/:/g, '-').replace('.', '-');

/**
 * Writes a consistent, self-contained copy (rollback journal, no -wal file) of the database that
 * `copy` reads, checks it, and only then gives it its final name: a failed backup leaves no file
 * that looks like a good one.
 */
export async function writeBackup(
  copy: (destination: string) => Promise<void>,
  destination: string,
): Promise<BackupResult> {
  const started = performance.now();
  if (existsSync(destination)) throw new BackupError(`${destination} already exists; choose another name.`);
  mkdirSync(dirname(destination), { recursive: true });
  const partial = `${destination}.partial`;
  rmSync(partial, { force: true });
  try {
    createPrivateFile(partial); // as private as the database (an empty file is an empty database)
    await copy(partial);
    selfContained(partial);
    renameSync(partial, destination);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return {
    path: destination,
    bytes: statSync(destination).size,
    milliseconds: Math.round(performance.now() - started),
  };
}

/** Turns a copied file into a single file (no WAL) and checks that it reads as a Wheelhouse database. */
function selfContained(path: string) {
  const file = new SQLite(path, { fileMustExist: true });
  try {
    file.pragma('journal_mode = DELETE');
    const check = file.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`The copy failed its integrity check: ${String(check)}.`);
    const migrations = file
      .prepare("select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'")
      .get() as { n: number };
    if (migrations.n !== 1) throw new BackupError(`${path} is not a Wheelhouse database.`);
  } finally {
    file.close();
  }
}

/**
 * Where the server listens for backup requests: next to the database file, or (when that path is
 * too long for a Unix socket) in the temp directory under a name made from the database's path.
 */
export function backupSocketPath(databasePath: string): string {
  const beside = `${databasePath}.backup.sock`;
  if (Buffer.byteLength(beside) < 100) return beside;
  const hash = createHash('sha256').update(databasePath).digest('hex').slice(0, 16);
  return join(tmpdir(), `wheelhouse-${hash}.backup.sock`);
}

interface Log {
  info: (object: object, message: string) => void;
  warn: (object: object, message: string) => void;
}

/**
 * The server side: answers one JSON line `{"destination": path | null}` with one JSON line
 * `{"ok": true, ...BackupResult}` or `{"ok": false, "message"}`. Only the server's user may
 * connect (mode 0600). Call it after the database is open: the file lock guarantees that no
 * other server owns the socket, so a stale one (after a crash) is removed.
 */
export async function listenForBackups(input: {
  databasePath: string;
  copy: (destination: string) => Promise<void>;
  log: Log;
  now?: () => Date;
}): Promise<{ close: () => void }> {
  const { databasePath, copy, log, now = () => new Date() } = input;
  const socketPath = backupSocketPath(databasePath);
  rmSync(socketPath, { force: true });
  let queue = Promise.resolve();
  const server = createServer((socket) => {
    let received = '';
    socket.setEncoding('utf8');
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: string) => {
      received += chunk;
      if (!received.includes('\n')) {
        if (received.length > 10_000) socket.destroy();
        return;
      }
      socket.removeAllListeners('data');
      // One backup at a time: a second request waits for the first.
      queue = queue.then(async () => {
        let answer: object;
        try {
          const request = JSON.parse(received.slice(0, received.indexOf('\n'))) as { destination?: unknown };
          const destination =
            typeof request.destination === 'string' && request.destination
              ? request.destination
              : defaultBackupPath(databasePath, now());
          const result = await writeBackup(copy, destination);
          result.keyFile = copyKeyFileBeside(databasePath, result.path);
          log.info({ ...result }, 'backup written');
          answer = { ok: true, ...result };
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          log.warn({ reason: message }, 'backup failed');
          answer = { ok: false, message };
        }
        socket.end(`${JSON.stringify(answer)}\n`);
      });
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, () => resolve());
    });
    chmodSync(socketPath, 0o600);
  } catch (error) {
    // Backups while running are a convenience: the server still starts without them.
    log.warn(
      { socket: socketPath, reason: error instanceof Error ? error.message : String(error) },
      'cannot listen for backup requests; npm run backup will need the server stopped',
    );
    return { close: () => undefined };
  }
  return {
    close: () => {
      server.close();
      rmSync(socketPath, { force: true });
    },
  };
}

/**
 * The CLI side: asks the running server for a backup. Returns null when no server listens
 * (no socket, or a stale one).
 */
export function requestBackup(
  databasePath: string,
  destination: string | null,
): Promise<BackupResult | null> {
  return new Promise((resolve, reject) => {
    const socket = connect(backupSocketPath(databasePath));
    let received = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${JSON.stringify({ destination })}\n`));
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED') resolve(null);
      else reject(error);
    });
    socket.on('end', () => {
      try {
        const answer = JSON.parse(received) as ({ ok: true } & BackupResult) | { ok: false; message: string };
        if (answer.ok)
          resolve({
            path: answer.path,
            bytes: answer.bytes,
            milliseconds: answer.milliseconds,
            keyFile: answer.keyFile ?? null,
          });
        else reject(new BackupError(`The server could not write the backup: ${answer.message}`));
      } catch {
        reject(new BackupError('The server closed the connection without an answer.'));
      }
    });
  });
}

/** Opens the file the way the server does; refuses with one line if a server holds it. */
export function lockDatabaseFile(databasePath: string): SQLite.Database {
  const file = new SQLite(databasePath, { timeout: 0, fileMustExist: true });
  try {
    file.pragma('locking_mode = EXCLUSIVE');
    file.exec('BEGIN EXCLUSIVE; COMMIT;');
    return file;
  } catch (error) {
    file.close();
    if (error instanceof Error && /locked|busy/i.test(error.message)) {
      throw new BackupError(
        `The database ${databasePath} is in use by a running Wheelhouse server (or another process). Stop it, then try again.`,
      );
    }
    throw error;
  }
}

/** With no server running: the CLI copies the file itself, under the same lock the server takes. */
export async function backupStoppedDatabase(
  databasePath: string,
  destination: string,
): Promise<BackupResult> {
  if (!existsSync(databasePath)) throw new BackupError(`There is no database at ${databasePath}.`);
  const file = lockDatabaseFile(databasePath);
  try {
    const result = await writeBackup(async (to) => void (await file.backup(to)), destination);
    return { ...result, keyFile: copyKeyFileBeside(databasePath, result.path) };
  } finally {
    file.close();
  }
}

/**
 * Puts a backup in place of the database file. Refuses while a server holds the file. The backup
 * is copied and checked first; the replaced file is kept as `<file>.<time>.before-restore`; the
 * swap is one rename, made while this process still holds the old file's lock.
 */
export function restoreBackup(input: { databasePath: string; from: string; now: Date }): {
  keptAs: string | null;
} {
  const { databasePath, from, now } = input;
  if (!existsSync(from)) throw new BackupError(`There is no backup file at ${from}.`);
  mkdirSync(dirname(databasePath), { recursive: true });
  const incoming = `${databasePath}.restoring`;
  rmSync(incoming, { force: true });
  copyFileSync(from, incoming);
  chmodSync(incoming, 0o600); // a backup made before 0600 files still becomes a private database
  try {
    try {
      selfContained(incoming);
    } catch (error) {
      if (error instanceof BackupError) throw error;
      throw new BackupError(`${from} is not a readable SQLite database.`);
    }
    if (!existsSync(databasePath)) {
      renameSync(incoming, databasePath);
      return { keptAs: null };
    }
    const current = lockDatabaseFile(databasePath);
    try {
      // Folds the -wal file into the main file and removes it, so the old file stands alone.
      const mode = current.pragma('journal_mode = DELETE', { simple: true });
      if (mode !== 'delete') throw new BackupError(`Could not take ${databasePath} out of WAL mode.`);
      current.exec('BEGIN EXCLUSIVE; COMMIT;');
      const keptAs = `${databasePath}.${stamp(now)}.before-restore`;
      try {
        linkSync(databasePath, keptAs);
      } catch {
        copyFileSync(databasePath, keptAs);
      }
      renameSync(incoming, databasePath);
      return { keptAs };
    } finally {
      current.close();
    }
  } finally {
    rmSync(incoming, { force: true });
  }
}
