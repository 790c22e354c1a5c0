import { isAbsolute, resolve } from 'node:path';
import { ConfigError, loadConfig } from '../config.js';
import {
  BackupError,
  backupStoppedDatabase,
  defaultBackupPath,
  requestBackup,
  restoreBackup,
} from './backup.js';
import { sqlitePath } from './database.js';
import { KeyError, keyFilePath, keysVariable, mergeKeysFromBackup } from '../crypto/keys.js';

/**
 * `npm run backup [-- <file>]` and `npm run restore <file>` for the SQLite file of DATABASE_URL
 * (decision 008). PostgreSQL has its own tools: pg_dump and pg_restore (README).
 */
async function main() {
  const [command, argument] = process.argv.slice(2);
  const config = loadConfig();
  if (/^postgres(ql)?:\/\//.test(config.databaseUrl)) {
    throw new BackupError(
      `DATABASE_URL is PostgreSQL: use pg_dump to back up and pg_restore to restore (see "Backup and restore" in the README).`,
    );
  }
  const databasePath = sqlitePath(config.databaseUrl);
  // npm runs scripts in the project folder; a file name the user typed is relative to where they were.
  const userPath = (path: string) =>
    isAbsolute(path) ? path : resolve(process.env.INIT_CWD ?? process.cwd(), path);

  if (command === 'backup') {
    const destination = argument ? userPath(argument) : null;
    const fromServer = await requestBackup(databasePath, destination);
    const result =
      fromServer ??
      (await backupStoppedDatabase(databasePath, destination ?? defaultBackupPath(databasePath, new Date())));
    const by = fromServer ? 'the running server' : 'this command (no server was running)';
    console.log(
      `Backed up ${databasePath} to ${result.path} (${Math.ceil(result.bytes / 1024)} KB in ${result.milliseconds} ms, by ${by}).`,
    );
    // Confidential text is encrypted (decision 044): a backup without its keys cannot be read.
    if (result.keyFile)
      console.log(`Its encryption keys are in ${result.keyFile}: keep the two files together, and private.`);
    else
      console.log(
        `WARNING: the encryption keys come from ${keysVariable}; this backup is unreadable without them. Keep them safe apart from it.`,
      );
    return;
  }
  if (command === 'restore') {
    if (!argument) throw new BackupError('Name the backup to restore: npm run restore <file>');
    const from = userPath(argument);
    const { keptAs } = restoreBackup({ databasePath, from, now: new Date() });
    console.log(`Restored ${from} into ${databasePath}.`);
    if (mergeKeysFromBackup(databasePath, from) === 'merged')
      console.log(
        `Added the backup's encryption keys (${keyFilePath(from)}) to ${keyFilePath(databasePath)}.`,
      );
    else if (!process.env[keysVariable])
      console.log(
        `WARNING: no key file beside the backup (${keyFilePath(from)}): its notes open only if ${keyFilePath(databasePath)} holds their key; Wheelhouse refuses to start otherwise.`,
      );
    if (keptAs) console.log(`The replaced database is kept as ${keptAs}.`);
    console.log('Start Wheelhouse (npm start); it brings the restored database up to date on start.');
    return;
  }
  throw new BackupError('Use: npm run backup [-- <file>]  or  npm run restore <file>');
}

main().catch((error: unknown) => {
  if (error instanceof BackupError || error instanceof ConfigError || error instanceof KeyError)
    console.error(error.message);
  else
    console.error(`${process.argv[2] ?? 'backup'} failed:`, error instanceof Error ? error.message : error);
  process.exit(1);
});
