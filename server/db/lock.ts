import { sql } from 'kysely';
import type { Database } from './schema.js';
import type { Db } from './database.js';
import { isPostgres } from './dialect.js';

/**
 * "Only one" where no unique index can say it (decision 048). Both lock until the end of the
 * caller's transaction, so a check made after the lock sees what the previous holder committed.
 * SQLite runs one write transaction at a time already (one connection, one transaction at a
 * time), so there they do nothing.
 */

/**
 * Locks one row by its id. False when there is no such row. PostgreSQL: FOR NO KEY UPDATE, which
 * queues every other lockRow of that row but not the foreign-key checks of inserts that point at
 * it (a workspace locked for an admin change must not hold up every new row in the workspace).
 */
export async function lockRow(trx: Db, table: keyof Database & string, id: string): Promise<boolean> {
  if (!trx.isTransaction) throw new Error('lockRow needs a transaction.');
  if (!isPostgres(trx)) return true;
  const found = await sql`select 1 from ${sql.table(table)} where id = ${id} for no key update`.execute(trx);
  return found.rows.length > 0;
}

/**
 * Locks a name that has no row yet (PostgreSQL: a transaction-scoped advisory lock), e.g. the
 * first run, before any workspace exists.
 */
export async function lockName(trx: Db, name: string): Promise<void> {
  if (!trx.isTransaction) throw new Error('lockName needs a transaction.');
  if (!isPostgres(trx)) return;
  await sql`select pg_advisory_xact_lock(hashtextextended(${`wheelhouse:${name}`}, 0))`.execute(trx);
}
