import type { ExportKind } from '../../common/export.js';
import type { Database } from '../db/schema.js';

/**
 * What a feature declares about each table it owns (issue 18, decision 049): which text columns
 * are confidential (sealed at rest, decision 044), which stay clear and why, how an erasure treats
 * the rows (decision 043) and where the export carries them. The registries (sealed columns, the
 * completeness tests) are built from these declarations, so a new table cannot be forgotten.
 */
export type TableName = keyof Database;

/** How an erasure of a person treats this table's rows. */
export type Erasure =
  /** Deleted where this column names the erased person as the PM. */
  | { goes: 'with-pm'; column: 'pm_id' }
  /** Deleted with the account (the column names the person). */
  | { goes: 'with-account'; column: string }
  /** Deleted by the database's cascade when its parent row goes. */
  | { goes: 'cascade'; from: TableName }
  /** The row stays; the person becomes a tombstone with no name, address or password. */
  | { goes: 'tombstone' }
  /** Nothing personal in it (or it stays with the PM it was written for): say why. */
  | { goes: 'stays'; why: string };

/** Included in the PM's export under this kind, or why not. */
export type Export = ExportKind | { not: string };

export interface TableManifest {
  /** Primary key columns (the start-up and rotation sweeps rewrite rows by them). */
  key: readonly string[];
  /** Confidential text written by a PM, coach or peer: encrypted field by field. */
  sealed: readonly string[];
  /** Every other text column that is not an id, a time or a hash, with the reason it stays clear. */
  clear: Readonly<Record<string, string>>;
  erasure: Erasure;
  export: Export;
  /** The database refuses updates (the access log): sealed on insert only, re-sealed by the key sweeps. */
  appendOnly?: true;
  /** A table only the SQLite schema has. */
  sqliteOnly?: true;
}

/** One feature's tables. */
export type FeatureManifest = Partial<Record<TableName, TableManifest>>;

/** Text columns that are structure, not words: ids, times, dates, hashes. */
export const structuralColumn = /^(id|at)$|_id$|_at$|_on$|_hash$|_until$|_by$/;
