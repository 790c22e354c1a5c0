import { existsSync } from 'node:fs';
import { ConfigError, loadConfig } from '../config.js';
import { DatabaseLockedError, openDatabase, sqlitePath } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { keyFilePath, KeyError, keysVariable, loadKeyring, writeKeyFile } from './keys.js';
import { describeRotation, rotateValues, withNewKey, withoutKeys } from './rotate.js';

/**
 * `npm run rotate-key [-- --drop-old]` (decision 044).
 * - Key file (SQLite default): adds a new key in front of the key file, re-encrypts every value
 *   under it, reports counts. The server must be stopped (it holds the SQLite file).
 * - WHEELHOUSE_ENCRYPTION_KEYS: the variable cannot be changed from here; put a new key first in
 *   it (keep the old ones after it), restart every instance, then run this to re-encrypt.
 * - `--drop-old`: removes from the key file the older keys no value uses any more (or names them,
 *   for the variable). Keep a key as long as a backup you may restore needs it.
 */
async function main() {
  const dropOld = process.argv.includes('--drop-old');
  const config = loadConfig();
  const postgres = /^postgres(ql)?:\/\//.test(config.databaseUrl);
  const file = postgres ? null : sqlitePath(config.databaseUrl);
  if (file && !existsSync(file)) throw new KeyError(`There is no database at ${file}.`);
  const fromEnv = Boolean(process.env[keysVariable]?.trim());
  const loaded = loadKeyring({ env: process.env, sqliteFile: file });
  const keyring = fromEnv || dropOld ? loaded : withNewKey(loaded, new Date());
  // Opening takes the SQLite file's lock: a running server refuses us before the key file changes.
  const { db, close } = openDatabase(config.databaseUrl, { keys: keyring });
  try {
    await migrateToLatest(db);
    if (file && !fromEnv && keyring !== loaded) {
      writeKeyFile(keyFilePath(file), keyring);
      console.log(`Added key ${keyring.current} to ${keyFilePath(file)} (the older keys stay in it).`);
    }
    const report = await rotateValues(db, keyring.current);
    for (const line of describeRotation(report)) console.log(line);
    if (!dropOld) {
      if (report.unused.length)
        console.log(
          `No value uses ${report.unused.join(', ')} any more: drop with --drop-old once no backup needs it.`,
        );
      return;
    }
    if (report.unused.length === 0) console.log('No older key to drop.');
    else if (fromEnv)
      console.log(`No value uses ${report.unused.join(', ')}: remove it from ${keysVariable} and restart.`);
    else {
      writeKeyFile(keyFilePath(file!), withoutKeys(keyring, report.unused));
      console.log(`Dropped ${report.unused.join(', ')} from ${keyFilePath(file!)}.`);
    }
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof KeyError || error instanceof ConfigError || error instanceof DatabaseLockedError)
    console.error(error.message);
  else console.error('rotate-key failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
