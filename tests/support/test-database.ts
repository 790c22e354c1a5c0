import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { adminQuery, databaseUrl, scratchDir } from './template-database.js';
import { postgresTestKeys } from './test-keys.js';

export type TestEngine = 'sqlite' | 'postgres';

/** The engine this vitest project runs on (set per project in vitest.config.ts). */
export const testEngine = (): TestEngine =>
  process.env.WHEELHOUSE_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

/**
 * A fresh, migrated database of its own: a temp SQLite file, or a new PostgreSQL database. It is
 * a copy of the run's migrated template (global-sqlite.ts, global-postgres.ts) when there is one,
 * else migrated here.
 */
export async function createTestDatabase(
  engine: TestEngine = testEngine(),
  /** PostgreSQL: the cluster to create the database in (default: the run's shared cluster). */
  postgresUrl?: string,
): Promise<OpenDatabase & { url: string; drop: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(scratchDir(), 'wheelhouse-test-'));
    const url = join(dir, 'test.db');
    const template = inject('sqliteTemplate');
    if (template) copyFileSync(template, url);
    const opened = openDatabase(url);
    if (!template) await migrateToLatest(opened.db);
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
  // The run's template lives in the run's shared cluster only.
  const template = postgresUrl ? undefined : inject('postgresTemplate');
  // FILE_COPY copies the template's few MB at once (about 150 ms); the default WAL_LOG strategy
  // writes it block by block through the WAL (about 450 ms). fsync is off in the test cluster.
  const name = `wh_test_${Math.random().toString(36).slice(2, 12)}`;
  await adminQuery(
    adminUrl,
    `create database ${name}${template ? ` template ${template} strategy file_copy` : ''}`,
  );
  const url = databaseUrl(adminUrl, name);
  const opened = openDatabase(url, { keys: postgresTestKeys });
  if (!template) await migrateToLatest(opened.db);
  return {
    ...opened,
    url,
    drop: async () => {
      await opened.close();
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}
