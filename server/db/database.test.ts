import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { migrateToLatest } from './migrate.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('a new SQLite database', () => {
  it('is created readable and writable by the server’s user only (0600), with its WAL, like its key file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wheelhouse-mode-'));
    dirs.push(dir);
    const { db, close } = openDatabase(join(dir, 'wheelhouse.db'));
    try {
      await migrateToLatest(db); // writes, so the WAL holds pages
      const files = readdirSync(dir).sort();
      expect(files).toEqual(
        expect.arrayContaining(['wheelhouse.db', 'wheelhouse.db-wal', 'wheelhouse.db.key']),
      );
      const modes = Object.fromEntries(
        files.map((f) => [f, (statSync(join(dir, f)).mode & 0o777).toString(8)]),
      );
      expect(modes).toEqual(Object.fromEntries(files.map((f) => [f, '600'])));
    } finally {
      await close();
    }
  });
});
