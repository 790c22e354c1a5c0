import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { TableManifest } from '../features/manifest-types.js';
import { tableManifests } from '../features/manifests.js';
import type { Keyring } from './field-crypto.js';
import { SealingPlugin } from './sealing-plugin.js';

type All = typeof tableManifests;
type SealedTableName = {
  [T in keyof All]: All[T]['sealed'] extends readonly [] ? never : T;
}[keyof All];

/**
 * The confidential text columns, sealed field by field (decision 044), with each table's key
 * (for the start-up and rotation sweeps), built from the features' manifests (decision 049).
 * Scores, dates, ids, statuses and anything a query filters, sorts or groups on stay clear. An
 * empty string stays empty (nothing to hide, and queries may test for it).
 */
export const sealedTables = Object.fromEntries(
  Object.entries(tableManifests as Record<string, TableManifest>)
    .filter(([, t]) => t.sealed.length > 0)
    .map(([table, t]) => [table, { key: t.key, columns: t.sealed }]),
) as { [T in SealedTableName]: { key: All[T]['key']; columns: All[T]['sealed'] } };

/** `table.column` of a sealed column, e.g. 'check_ins.why'. */
export type SealedField = {
  [T in SealedTableName]: `${T & string}.${All[T]['sealed'][number]}`;
}[SealedTableName];

const sealedColumns = new Map(
  Object.entries(sealedTables).map(([table, t]) => [table, new Set<string>(t.columns)]),
);

const appendOnlyTables = new Set(
  Object.entries(tableManifests as Record<string, TableManifest>)
    .filter(([, t]) => t.appendOnly)
    .map(([table]) => table),
);

/**
 * Carries the keyring on the database handle, so it reaches every query builder and transaction
 * made from it (Kysely hands plugins on to transactions), and seals and opens the manifests'
 * sealed columns in the queries built there (decision 049).
 */
class KeyringCarrier extends SealingPlugin {
  constructor(keyring: Keyring) {
    super(keyring, sealedColumns, appendOnlyTables);
  }
}

/**
 * The same database handle, now able to seal and open fields with these keys. A handle that
 * already carries keys gets these instead (one carrier seals each value once).
 */
export function withKeyring<DB>(db: Kysely<DB>, keyring: Keyring): Kysely<DB> {
  const plugins = db.getExecutor().plugins;
  if (!plugins.some((p) => p instanceof KeyringCarrier)) return db.withPlugin(new KeyringCarrier(keyring));
  let bare = db.withoutPlugins();
  for (const p of plugins)
    bare = bare.withPlugin(p instanceof KeyringCarrier ? new KeyringCarrier(keyring) : p);
  return bare;
}

/** The keys carried by a database handle (opened by openDatabase); the last ones given win. */
export function keyringOf(db: Kysely<Database>): Keyring {
  const carrier = db.getExecutor().plugins.findLast((p) => p instanceof KeyringCarrier);
  if (!carrier)
    throw new Error('This database handle carries no encryption keys (open it with openDatabase).');
  return carrier.keyring;
}

type Text<V> = V extends string ? string : V;

/**
 * Marks a value written to a sealed column. The query builder seals it (decision 049), so this
 * answers it unchanged: sealing here too would either seal twice or, skipping values that already
 * look sealed, store text a user pasted from a stolen dump as-is and open it for them on read.
 */
export function seal<V extends string | null | undefined>(
  _db: Kysely<Database>,
  _field: SealedField,
  value: V,
): Text<V> {
  return value as Text<V>;
}

/** Marks a value read from a sealed column: the query builder has already opened it (decision 049). */
export function unseal<V extends string | null | undefined>(
  _db: Kysely<Database>,
  _field: SealedField,
  value: V,
): Text<V> {
  return value as Text<V>;
}
