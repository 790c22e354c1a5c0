import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupSocketPath, backupStoppedDatabase, defaultBackupPath, restoreBackup } from './backup.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'wheelhouse-backup-unit-'));
  dirs.push(dir);
  return dir;
};

/** A small database shaped like Wheelhouse's (a migrations table), in WAL mode like the server's. */
function database(path: string, names: string[]) {
  const file = new SQLite(path);
  file.pragma('journal_mode = WAL');
  file.exec('create table kysely_migration (name text); create table people (name text)');
  for (const name of names) file.prepare('insert into people values (?)').run(name);
  file.close();
}
const namesIn = (path: string) => {
  const file = new SQLite(path, { readonly: true });
  try {
    return (file.prepare('select name from people order by name').all() as { name: string }[]).map(
      (r) => r.name,
    );
  } finally {
    file.close();
  }
};

describe('backups of the SQLite file', () => {
  it('names backups by time beside the database, and finds a short socket path for long folders', () => {
    expect(defaultBackupPath('/srv/wh/data/wheelhouse.db', new Date('2026-11-26T03:04:05.678Z'))).toBe(
      '/srv/wh/data/backups/wheelhouse-2026-11-26T03-04-05-678Z.db',
    );
    expect(backupSocketPath('/srv/wh/data/wheelhouse.db')).toBe('/srv/wh/data/wheelhouse.db.backup.sock');
    const long = `/${'x'.repeat(120)}/wheelhouse.db`;
    expect(Buffer.byteLength(backupSocketPath(long))).toBeLessThan(100);
    expect(backupSocketPath(long)).toBe(backupSocketPath(long));
  });

  it('writes one self-contained file and never overwrites an existing one', async () => {
    const dir = tempDir();
    database(join(dir, 'wheelhouse.db'), ['Ada', 'Pat']);
    const target = join(dir, 'copy.db');
    const result = await backupStoppedDatabase(join(dir, 'wheelhouse.db'), target);
    expect(result.path).toBe(target);
    expect(namesIn(target)).toEqual(['Ada', 'Pat']);
    expect(readdirSync(dir).filter((f) => f.startsWith('copy'))).toEqual(['copy.db']);
    await expect(backupStoppedDatabase(join(dir, 'wheelhouse.db'), target)).rejects.toThrow('already exists');
  });

  it('refuses a file that is not a Wheelhouse database and leaves the current one alone', () => {
    const dir = tempDir();
    const live = join(dir, 'wheelhouse.db');
    database(live, ['Ada']);
    writeFileSync(join(dir, 'notes.txt'), 'not a database');
    const other = join(dir, 'other.db');
    const plain = new SQLite(other);
    plain.exec('create table t (x)');
    plain.close();
    const before = readFileSync(live);

    expect(() =>
      restoreBackup({ databasePath: live, from: join(dir, 'notes.txt'), now: new Date() }),
    ).toThrow('is not a readable SQLite database');
    expect(() => restoreBackup({ databasePath: live, from: other, now: new Date() })).toThrow(
      'is not a Wheelhouse database',
    );
    expect(() =>
      restoreBackup({ databasePath: live, from: join(dir, 'missing.db'), now: new Date() }),
    ).toThrow('There is no backup file');
    expect(readFileSync(live).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'other.db', 'wheelhouse.db']);
  });

  it('restores over the current file and keeps the replaced one', async () => {
    const dir = tempDir();
    const live = join(dir, 'wheelhouse.db');
    database(live, ['Ada']);
    const copy = join(dir, 'copy.db');
    await backupStoppedDatabase(live, copy);
    const file = new SQLite(live);
    file.prepare('insert into people values (?)').run('Later');
    file.close();

    const { keptAs } = restoreBackup({
      databasePath: live,
      from: copy,
      now: new Date('2026-11-26T03:00:00Z'),
    });
    expect(keptAs).toBe(`${live}.2026-11-26T03-00-00-000Z.before-restore`);
    expect(namesIn(live)).toEqual(['Ada']);
    expect(namesIn(keptAs!)).toEqual(['Ada', 'Later']);
    expect(existsSync(`${live}-wal`)).toBe(false);
    expect(existsSync(`${live}.restoring`)).toBe(false);
  });
});
