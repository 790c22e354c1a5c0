import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { postgresTestKeys } from './test-keys.js';

export type TestEngine = 'sqlite' | 'postgres';

/** The engine this vitest project runs on (set per project in vitest.config.ts). */
export const testEngine = (): TestEngine =>
  process.env.WHEELHOUSE_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

/** A fresh, migrated database of its own: a temp SQLite file, or a new PostgreSQL database. */
export async function createTestDatabase(
  engine: TestEngine = testEngine(),
  /** PostgreSQL: the cluster to create the database in (default: the run's shared cluster). */
  postgresUrl?: string,
): Promise<OpenDatabase & { url: string; drop: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'wheelhouse-test-'));
    const url = join(dir, 'test.db');
    const opened = openDatabase(url);
    await migrateToLatest(opened.db);
    return {
      ...opened,
      url,
      drop: async () => {
        await opened.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = postgresUrl ?? inject('postgresUrl');
  const name = `wh_test_${Math.random().toString(36).slice(2, 12)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = adminUrl.replace(/\/[^/?]*(\?.*)?$/, `/${name}$1`);
  const opened = openDatabase(url, { keys: postgresTestKeys });
  await migrateToLatest(opened.db);
  return {
    ...opened,
    url,
    drop: async () => {
      await opened.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
