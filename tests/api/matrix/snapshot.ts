import type { Db } from '../../../server/db/database.js';

// Bookkeeping that legitimately moves on any request (session touch, sign-in counters, migrations).
const ignored = new Set(['sessions', 'sign_in_throttle', 'kysely_migration', 'kysely_migration_lock']);

/** Every row of every data table, in a stable order: equal snapshots mean nothing changed. */
export async function snapshot(db: Db): Promise<Record<string, string[]>> {
  const tables = (await db.introspection.getTables())
    .map((t) => t.name)
    .filter((n) => !ignored.has(n))
    .sort();
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = await (db as any).selectFrom(table).selectAll().execute();
    out[table] = rows.map((r: unknown) => JSON.stringify(r)).sort();
  }
  return out;
}
