import { sql } from 'kysely';
import type { Db } from '../../../server/db/database.js';
import { isPostgres } from '../../../server/db/dialect.js';

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
  const tables = await dataTables(db);
  const out: Record<string, string[]> = Object.fromEntries(tables.map((t) => [t, []]));
  if (isPostgres(db)) {
    // PostgreSQL: one round trip for all tables (one per table was ~40 per snapshot).
    const union = sql.join(
      tables.map((t) => sql`select ${t}::text as t, row_to_json(x)::text as r from ${sql.table(t)} x`),
      sql` union all `,
    );
    const { rows } = await sql<{ t: string; r: string }>`${union}`.execute(db);
    for (const { t, r } of rows) out[t]!.push(r);
  } else {
    for (const table of tables) {
      const rows = await (db as any).selectFrom(table).selectAll().execute();
      out[table] = rows.map((r: unknown) => JSON.stringify(r));
    }
  }
  for (const rows of Object.values(out)) rows.sort();
  return out;
}
