import type { Db } from '../../../server/db/database.js';

// Bookkeeping that legitimately moves on any request (session touch, sign-in counters, migrations).
const ignored = new Set(['sessions', 'sign_in_throttle', 'kysely_migration', 'kysely_migration_lock']);

// The schema does not change within a test database: its data tables are listed once.
const tablesOf = new WeakMap<Db, Promise<string[]>>();
const dataTables = (db: Db) => {
  let tables = tablesOf.get(db);
  if (!tables) {
    tables = db.introspection.getTables().then((all) =>
      all
        .map((t) => t.name)
        .filter((n) => !ignored.has(n))
        .sort(),
    );
    tablesOf.set(db, tables);
  }
  return tables;
};

/** Every row of every data table, in a stable order: equal snapshots mean nothing changed. */
export async function snapshot(db: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of await dataTables(db)) {
    const rows = await (db as any).selectFrom(table).selectAll().execute();
    out[table] = rows.map((r: unknown) => JSON.stringify(r)).sort();
  }
  return out;
}
