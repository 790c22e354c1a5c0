import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { isPostgres } from '../db/dialect.js';

/**
 * THE one way to remove access-log entries (decision 040): the database refuses every other
 * UPDATE, DELETE and TRUNCATE of the log. Deletes every entry about one PM, inside the caller's
 * transaction and nowhere else: the lift (PostgreSQL: `set local wheelhouse.erasing`; SQLite: a
 * row in the guard table) ends with that transaction, and a rollback undoes the deletion with it.
 * Only erasure paths call this: erasing a person, and removing the demo (whose log is demo data).
 * Returns how many entries went.
 */
export async function eraseAccessLogOf(input: { trx: Db; pmId: string }): Promise<number> {
  const { trx, pmId } = input;
  if (!trx.isTransaction) throw new Error('The access log can only be erased inside a transaction.');
  if (isPostgres(trx)) {
    await sql`set local wheelhouse.erasing = 'on'`.execute(trx);
    const result = await trx.deleteFrom('access_log').where('pm_id', '=', pmId).executeTakeFirst();
    await sql`set local wheelhouse.erasing = 'off'`.execute(trx);
    return Number(result.numDeletedRows);
  }
  await trx.insertInto('access_log_erasure').values({ only_row: 1 }).execute();
  const result = await trx.deleteFrom('access_log').where('pm_id', '=', pmId).executeTakeFirst();
  await trx.deleteFrom('access_log_erasure').execute();
  return Number(result.numDeletedRows);
}
