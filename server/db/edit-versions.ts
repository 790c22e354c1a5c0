import type { Kysely } from 'kysely';
import { textVersion } from '../../common/text-version.js';
import { AppError } from '../http/errors.js';
import type { Db } from './database.js';
import { lockName, lockRow } from './lock.js';
import type { Database } from './schema.js';

interface EditCheck {
  table: keyof Database & string;
  /** The row: its `id`, or its key columns (a row that may not exist yet holds empty text). */
  row: { id: string } | Record<string, string>;
  /** The API's field names → their columns. */
  fields: Record<string, string>;
  /** From the request: per field, the version of the text the edit started from. */
  versions: Record<string, string | undefined> | undefined;
}

/**
 * The version check for every text field that saves while typing (decision 057). Inside the
 * caller's transaction: locks the row, reads the stored text of each field the client sent a
 * version for, and refuses (409 edit_conflict, with the stored text) when one changed since the
 * client started editing. Nothing is written then, so the earlier save is never silently erased.
 */
export async function checkEditVersions(tx: Db, check: EditCheck): Promise<void> {
  const { table, row, fields } = check;
  const sent = Object.entries(check.versions ?? {}).filter(
    (e): e is [string, string] => e[1] !== undefined && e[0] in fields,
  );
  if (!sent.length) return;
  const keys = Object.entries(row);
  if (keys.length === 1 && 'id' in row) await lockRow(tx, table, row.id);
  else await lockName(tx, `${table}:${keys.map(([, v]) => v).join(':')}`);
  // The table and columns come from the caller's code, never from the request.
  let query = (tx as unknown as Kysely<Record<string, Record<string, unknown>>>)
    .selectFrom(table)
    .select(sent.map(([field]) => fields[field]!));
  for (const [column, value] of keys) query = query.where(column, '=', value);
  const stored = ((await query.executeTakeFirst()) ?? {}) as Record<string, string | null>;
  const current: Record<string, string> = {};
  for (const [field, version] of sent) {
    const text = stored[fields[field]!] ?? '';
    if (textVersion(text) !== version) current[field] = text;
  }
  if (Object.keys(current).length)
    throw new AppError(
      'edit_conflict',
      'This was changed somewhere else (another tab or device) while you were writing. Nothing was overwritten: choose which text to keep.',
      { current },
    );
}
