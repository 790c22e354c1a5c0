import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { keyIdPattern, newKey, type Keyring } from './field-crypto.js';

/**
 * Where the field-encryption keys come from (decision 044):
 * - WHEELHOUSE_ENCRYPTION_KEYS: `id:base64key,id:base64key`, the first one current (any engine);
 * - otherwise, for the embedded SQLite default, a key file `<database file>.key` beside the
 *   database, created at first start with owner-only permissions (0600);
 * - PostgreSQL without WHEELHOUSE_ENCRYPTION_KEYS refuses to start: every instance must hold the
 *   same keys, which a file on one machine does not guarantee.
 */

export const keysVariable = 'WHEELHOUSE_ENCRYPTION_KEYS';

/** A refusal printed as one line (no stack trace): missing, malformed or exposed keys. */
export class KeyError extends Error {}

/** Parses `id:base64,id:base64` (also one per line, `#` comments); the first key is current. */
export function parseKeys(text: string, source: string): Keyring {
  const keys = new Map<string, Buffer>();
  const entries = text
    .split(/[\n,]/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  for (const entry of entries) {
    const at = entry.indexOf(':');
    const id = entry.slice(0, at);
    const key = Buffer.from(entry.slice(at + 1), 'base64');
    if (at < 1 || !keyIdPattern.test(id))
      throw new KeyError(`${source}: "${id || entry.slice(0, 8)}…" is not a key id (letters, digits and -).`);
    if (key.length !== 32)
      throw new KeyError(`${source}: key "${id}" must be 32 bytes in base64 (44 characters).`);
    if (keys.has(id)) throw new KeyError(`${source}: key id "${id}" is listed twice.`);
    keys.set(id, key);
  }
  const current = entries.length ? entries[0]!.slice(0, entries[0]!.indexOf(':')) : undefined;
  if (!current) throw new KeyError(`${source} holds no key.`);
  return { current, keys };
}

/** `id:base64` lines, current key first: the key file's text (also valid as the variable's value). */
export function formatKeys(keyring: Keyring): string {
  const ordered = [keyring.current, ...[...keyring.keys.keys()].filter((id) => id !== keyring.current)];
  return ordered.map((id) => `${id}:${keyring.keys.get(id)!.toString('base64')}`).join('\n') + '\n';
}

/** A fresh key id: the day it was made and a random part (`k-20261126-3fa9`). */
export const newKeyId = (now: Date) =>
  `k-${now.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(2).toString('hex')}`;

/** The key file of an SQLite database. */
export const keyFilePath = (databasePath: string) => `${databasePath}.key`;

/** Writes `text` to a new owner-only file beside `path`, fsynced; answers its name. */
function writePrivateTemp(path: string, text: string): string {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return temp;
}

const header =
  '# Wheelhouse encryption keys (decision 044). Back this file up WITH the database: without it the notes cannot be read.\n';

/** Reads a key file, refusing one that other users may read. */
export function readKeyFile(path: string): Keyring {
  const mode = statSync(path).mode & 0o777;
  if (mode & 0o077)
    throw new KeyError(
      `The key file ${path} may be read by other users (mode ${mode.toString(8)}); run: chmod 600 ${path}`,
    );
  return parseKeys(readFileSync(path, 'utf8'), path);
}

/**
 * The key file, created with one new key when missing. Created atomically: written whole to a
 * temporary file, then linked to its name, which fails if another process made it first (its
 * file is then read).
 */
export function ensureKeyFile(path: string, now: Date): Keyring {
  if (existsSync(path)) return readKeyFile(path);
  const id = newKeyId(now);
  const temp = writePrivateTemp(path, header + formatKeys({ current: id, keys: new Map([[id, newKey()]]) }));
  try {
    linkSync(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(temp, { force: true });
  }
  return readKeyFile(path);
}

/** Replaces the key file's keys in one rename (rotation adds or drops keys). */
export function writeKeyFile(path: string, keyring: Keyring): void {
  renameSync(writePrivateTemp(path, header + formatKeys(keyring)), path);
}

/**
 * Backups (decision 044): the key file is copied beside the backup (`<backup>.key`, 0600), since
 * a backup without its keys cannot be read. Answers the copy's path, or null when there is no
 * key file (keys from WHEELHOUSE_ENCRYPTION_KEYS).
 */
export function copyKeyFileBeside(databasePath: string, backupPath: string): string | null {
  const source = keyFilePath(databasePath);
  if (!existsSync(source)) return null;
  const target = keyFilePath(backupPath);
  writeFileSync(target, readFileSync(source), { mode: 0o600, flag: 'wx' });
  return target;
}

/**
 * Restore: adds the keys kept beside a backup to the database's key file (creating it), so the
 * restored values open. The database's current key stays current when it has one.
 */
export function mergeKeysFromBackup(databasePath: string, backupPath: string): 'merged' | 'none' {
  const incoming = keyFilePath(backupPath);
  if (!existsSync(incoming)) return 'none';
  const theirs = readKeyFile(incoming);
  const path = keyFilePath(databasePath);
  const ours = existsSync(path) ? readKeyFile(path) : null;
  const keys = new Map(ours?.keys ?? []);
  for (const [id, key] of theirs.keys) {
    const known = keys.get(id);
    if (known && !known.equals(key))
      throw new KeyError(`Key "${id}" in ${incoming} differs from the one in ${path}; merge them by hand.`);
    keys.set(id, key);
  }
  writeKeyFile(path, { current: ours?.current ?? theirs.current, keys });
  return 'merged';
}

/** The keys for a database: from the environment, else the SQLite key file; PostgreSQL must set them. */
export function loadKeyring(input: {
  env: Record<string, string | undefined>;
  /** The SQLite file, or null for PostgreSQL. */
  sqliteFile: string | null;
  now?: Date;
}): Keyring {
  const fromEnv = input.env[keysVariable]?.trim();
  if (fromEnv) return parseKeys(fromEnv, keysVariable);
  if (input.sqliteFile === null)
    throw new KeyError(
      `PostgreSQL needs ${keysVariable} (id:base64key; make one with: node -e "console.log('k1:'+require('crypto').randomBytes(32).toString('base64'))"). See "Encryption at rest" in the README.`,
    );
  return ensureKeyFile(keyFilePath(input.sqliteFile), input.now ?? new Date());
}
