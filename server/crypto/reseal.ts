import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/database.js';
import { FieldCryptoError, keyIdOf, openValue, sealValue, sealedPrefix } from './field-crypto.js';
import { KeyError } from './keys.js';
import { keyringOf, sealedTables, type SealedField } from './sealed-fields.js';

/**
 * The sweeps over every sealed column (decision 044): a census of what is stored under which key,
 * sealing older clear values (at start-up) and re-sealing everything under the current key
 * (rotation). Each batch is one transaction; each row is rewritten only if it still holds the
 * value that was read, so a concurrent edit is never overwritten.
 */

export interface Census {
  /** Values still in clear (written before encryption existed). */
  clear: number;
  /** Sealed values per key id this process holds. */
  byKey: Record<string, number>;
  /** Sealed values under key ids this process lacks, and one such id. */
  unknown: number;
  unknownKeyId: string | null;
}

const columns = () =>
  Object.entries(sealedTables).flatMap(([table, t]) =>
    t.columns.map((column) => ({ table, column, key: t.key })),
  );

const filled = (column: string) => sql`${sql.ref(column)} is not null and ${sql.ref(column)} <> ''`;
const startsWith = (column: string, prefix: string) =>
  sql`substr(${sql.ref(column)}, 1, ${sql.lit(prefix.length)}) = ${prefix}`;

/** How many values each key seals, how many are clear, and whether any key is missing. */
export async function census(db: Db): Promise<Census> {
  const keyring = keyringOf(db);
  const ids = [...keyring.keys.keys()];
  const result: Census = {
    clear: 0,
    byKey: Object.fromEntries(ids.map((id) => [id, 0])),
    unknown: 0,
    unknownKeyId: null,
  };
  for (const { table, column } of columns()) {
    const perKey = ids.map(
      (id, i) =>
        sql`sum(case when ${startsWith(column, `${sealedPrefix}${id}:`)} then 1 else 0 end) as ${sql.ref(`k${i}`)}`,
    );
    const { rows } = await sql<Record<string, string | number | null>>`
      select count(*) as total,
        sum(case when ${startsWith(column, sealedPrefix)} then 1 else 0 end) as sealed,
        ${sql.join(perKey)}
      from ${sql.table(table)} where ${filled(column)}`.execute(db);
    const row = rows[0]!;
    const sealed = Number(row.sealed ?? 0);
    let known = 0;
    ids.forEach((id, i) => {
      const n = Number(row[`k${i}`] ?? 0);
      result.byKey[id]! += n;
      known += n;
    });
    result.clear += Number(row.total) - sealed;
    if (sealed > known) {
      result.unknown += sealed - known;
      result.unknownKeyId ??= await someUnknownKeyId(db, table, column, ids);
    }
  }
  return result;
}

async function someUnknownKeyId(db: Db, table: string, column: string, ids: string[]) {
  const notKnown = ids.map((id) => sql`not ${startsWith(column, `${sealedPrefix}${id}:`)}`);
  const { rows } = await sql<{ v: string }>`
    select ${sql.ref(column)} as v from ${sql.table(table)}
    where ${startsWith(column, sealedPrefix)} and ${sql.join(notKnown, sql` and `)} limit 1`.execute(db);
  return rows[0] ? keyIdOf(rows[0].v) : null;
}

/**
 * Refuses (KeyError, one line) when values are sealed under a key this process lacks: a server
 * that started anyway would fail on every page showing them.
 */
export function refuseMissingKeys(found: Census): void {
  if (found.unknown === 0) return;
  throw new KeyError(
    `${found.unknown} stored value(s) are encrypted under key "${found.unknownKeyId}", which this server does not have: restore that key (key file or WHEELHOUSE_ENCRYPTION_KEYS) before starting. See "Encryption at rest" in the README.`,
  );
}

/**
 * Seals values in batches: `which: 'clear'` only older clear values (start-up); 'not-current'
 * also values under older keys (rotation). Answers how many values were rewritten.
 */
export async function resealFields(input: {
  db: Db;
  which: 'clear' | 'not-current';
  batchSize?: number;
}): Promise<number> {
  const { db, which, batchSize = 500 } = input;
  const keyring = keyringOf(db);
  const currentPrefix = `${sealedPrefix}${keyring.current}:`;
  let rewritten = 0;
  for (const { table, column, key } of columns()) {
    const place = `${table}.${column}` as SealedField;
    const pending: RawBuilder<unknown> =
      which === 'clear'
        ? sql`not ${startsWith(column, sealedPrefix)}`
        : sql`not ${startsWith(column, currentPrefix)}`;
    for (;;) {
      const { rows } = await sql<Record<string, string>>`
        select ${sql.join(key.map((k) => sql.ref(k)))}, ${sql.ref(column)} as value
        from ${sql.table(table)} where ${filled(column)} and ${pending} limit ${sql.lit(batchSize)}`.execute(
        db,
      );
      if (rows.length === 0) break;
      const done = await db.transaction().execute(async (trx) => {
        let n = 0;
        for (const row of rows) {
          let clear: string;
          try {
            clear = openValue(keyring, place, row.value!);
          } catch (error) {
            if (error instanceof FieldCryptoError) throw new KeyError(error.message);
            throw error;
          }
          const where = sql.join(
            [...key.map((k) => sql`${sql.ref(k)} = ${row[k]}`), sql`${sql.ref(column)} = ${row.value}`],
            sql` and `,
          );
          const r =
            await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${sealValue(keyring, place, clear)} where ${where}`.execute(
              trx,
            );
          n += Number(r.numAffectedRows ?? 0);
        }
        return n;
      });
      rewritten += done;
      // Rows changed by someone else meanwhile are re-read; a batch that rewrote nothing ends it.
      if (done === 0) break;
    }
  }
  return rewritten;
}

/**
 * The start-up step: refuses when a key is missing, then seals older clear values (a database
 * from before encryption ends up fully encrypted). Answers how many values it sealed.
 */
export async function sealClearFields(db: Db): Promise<number> {
  refuseMissingKeys(await census(db));
  return resealFields({ db, which: 'clear' });
}
