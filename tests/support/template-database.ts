import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { postgresTestKeys } from './test-keys.js';

/*
 * Migrating costs 100 ms (SQLite) to 600 ms (PostgreSQL) per database, and tests make hundreds
 * of databases. A vitest globalSetup migrates one template per run; every test database is then
 * a copy of it (a file copy, or CREATE DATABASE … TEMPLATE), with the very same schema.
 */

/**
 * Where test SQLite files go: memory (tmpfs) where there is one. The app commits with
 * synchronous = FULL, and on a disk each commit waits for an fsync (about 8 ms on a busy machine);
 * on tmpfs it does not. It is still a real SQLite file.
 */
export const scratchDir = () => (existsSync('/dev/shm') ? '/dev/shm' : tmpdir());

/** A migrated SQLite file (no key file: each copy makes its own at first open, as before). */
export async function makeSqliteTemplate() {
  const dir = mkdtempSync(join(scratchDir(), 'wheelhouse-template-'));
  const path = join(dir, 'template.db');
  const opened = openDatabase(path);
  await migrateToLatest(opened.db);
  // Closing the last connection checkpoints the WAL into the file, so the file alone is complete.
  await opened.close();
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A migrated PostgreSQL database to CREATE DATABASE from (nobody may stay connected to it). */
export async function makePostgresTemplate(adminUrl: string) {
  const name = `wh_template_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const opened = openDatabase(databaseUrl(adminUrl, name), { keys: postgresTestKeys });
  await migrateToLatest(opened.db);
  await opened.close();
  return { name, remove: () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`) };
}

/** The URL of database `name` on the cluster of `adminUrl`. */
export const databaseUrl = (adminUrl: string, name: string) =>
  adminUrl.replace(/\/[^/?]*(\?.*)?$/, `/${name}$1`);

export async function adminQuery(adminUrl: string, text: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}
