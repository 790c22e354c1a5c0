import type { Kysely, KyselyPlugin } from 'kysely';
import type { Database } from '../db/schema.js';
import { openValue, sealValue, type Keyring } from './field-crypto.js';

/**
 * The confidential text columns, sealed field by field (decision 044), with each table's key
 * (for the start-up and rotation sweeps). Scores, dates, ids, statuses and anything a query
 * filters, sorts or groups on stay clear. An empty string stays empty (nothing to hide, and
 * queries may test for it).
 */
export const sealedTables = {
  assessment_notes: { key: ['assessment_id', 'area_key'], columns: ['note'] },
  self_checks: { key: ['id'], columns: ['note'] },
  plan_comments: { key: ['id'], columns: ['body'] },
  plan_suggestions: { key: ['id'], columns: ['message', 'decline_reason'] },
  reflections: { key: ['id'], columns: ['body'] },
  session_private_notes: { key: ['session_id', 'author_id'], columns: ['body'] },
  coaching_sessions: { key: ['id'], columns: ['shared_notes'] },
  session_agenda_items: { key: ['id'], columns: ['text', 'detail'] },
  check_ins: { key: ['id'], columns: ['why'] },
  nudges: { key: ['id'], columns: ['text'] },
  nudge_responses: { key: ['id'], columns: ['text'] },
  deliveries: { key: ['id'], columns: ['text'] },
} as const satisfies Partial<Record<keyof Database, { key: readonly string[]; columns: readonly string[] }>>;

type Tables = typeof sealedTables;
/** `table.column` of a sealed column, e.g. 'check_ins.why'. */
export type SealedField = {
  [T in keyof Tables]: `${T & string}.${Tables[T]['columns'][number]}`;
}[keyof Tables];

/**
 * Carries the keyring on the database handle, so it reaches every query builder and transaction
 * made from it (Kysely hands plugins on to transactions); it changes no query.
 */
class KeyringCarrier implements KyselyPlugin {
  constructor(readonly keyring: Keyring) {}
  transformQuery: KyselyPlugin['transformQuery'] = (args) => args.node;
  transformResult: KyselyPlugin['transformResult'] = async (args) => args.result;
}

/** The same database handle, now able to seal and open fields with these keys. */
export function withKeyring<DB>(db: Kysely<DB>, keyring: Keyring): Kysely<DB> {
  return db.withPlugin(new KeyringCarrier(keyring));
}

/** The keys carried by a database handle (opened by openDatabase); the last ones given win. */
export function keyringOf(db: Kysely<Database>): Keyring {
  const carrier = db.getExecutor().plugins.findLast((p) => p instanceof KeyringCarrier);
  if (!carrier)
    throw new Error('This database handle carries no encryption keys (open it with openDatabase).');
  return carrier.keyring;
}

type Text<V> = V extends string ? string : V;

/** Encrypts a value before it is written to its column (null and '' pass as they are). */
export function seal<V extends string | null | undefined>(
  db: Kysely<Database>,
  field: SealedField,
  value: V,
): Text<V> {
  if (!value) return value as Text<V>;
  return sealValue(keyringOf(db), field, value) as Text<V>;
}

/** Decrypts a value read from its column (null, '' and older clear values pass as they are). */
export function unseal<V extends string | null | undefined>(
  db: Kysely<Database>,
  field: SealedField,
  value: V,
): Text<V> {
  if (!value) return value as Text<V>;
  return openValue(keyringOf(db), field, value) as Text<V>;
}
