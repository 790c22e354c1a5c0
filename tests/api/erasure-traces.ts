import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { isSealed, openValue } from '../../server/crypto/field-crypto.js';
import { keyringOf } from '../../server/crypto/sealed-fields.js';
import { sqlitePath } from '../../server/db/database.js';
import type { TestApp } from '../support/test-app.js';

/**
 * Where a string can still be found after an erasure (decision 043): any column of any table,
 * read generically; on SQLite the database file and its WAL after a checkpoint (free pages
 * included: that is what secure_delete is for); on PostgreSQL a pg_dump of the database.
 */
export async function tracesOf(app: TestApp, needles: string[]): Promise<string[]> {
  return [...(await inTables(app, needles)), ...(await inStorage(app, needles))];
}

/**
 * "table.column: needle" for every cell of every table that holds a needle, encrypted cells
 * opened first: text sealed at rest is still the person's content, readable by whoever has the key.
 */
export async function inTables(app: TestApp, needles: string[]): Promise<string[]> {
  const { db } = app.deps;
  const keyring = keyringOf(db);
  const found: string[] = [];
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  for (const table of tables) {
    const rows: Record<string, unknown>[] = await (db as any).selectFrom(table.name).selectAll().execute();
    for (const row of rows)
      for (const [column, value] of Object.entries(row)) {
        if (value === null || value === undefined) continue;
        const text =
          typeof value !== 'string'
            ? JSON.stringify(value)
            : isSealed(value)
              ? openValue(keyring, `${table.name}.${column}`, value)
              : value;
        for (const needle of needles)
          if (text.includes(needle)) found.push(`${table.name}.${column}: ${needle}`);
      }
  }
  return [...new Set(found)];
}

/** "sqlite file: needle" / "pg_dump: needle" for every needle the stored bytes still hold. */
export async function inStorage(app: TestApp, needles: string[]): Promise<string[]> {
  const { db, engine, config } = app.deps;
  let bytes: Buffer;
  let where: string;
  if (engine === 'sqlite') {
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
    const path = sqlitePath(config.databaseUrl);
    const wal = `${path}-wal`;
    bytes = Buffer.concat([readFileSync(path), existsSync(wal) ? readFileSync(wal) : Buffer.alloc(0)]);
    where = 'sqlite file';
  } else {
    bytes = execFileSync('pg_dump', ['--no-owner', '--no-privileges', config.databaseUrl], {
      maxBuffer: 256 * 1024 * 1024,
    });
    where = 'pg_dump';
  }
  return needles.filter((n) => bytes.includes(Buffer.from(n, 'utf8'))).map((n) => `${where}: ${n}`);
}
