import { textVersion } from '../../common/text-version.js';
import { AppError } from '../http/errors.js';
import type { Kysely } from 'kysely';
import type { Db } from './database.js';
import { lockRow } from './lock.js';
import type { Database } from './schema.js';

/**
 * The version check for every text field that saves while typing (decision 057). Inside the
 * caller's transaction: locks the row, reads the stored text of each field the client sent a
 * version for, and refuses (409 edit_conflict, with the stored text) when one changed since the
 * client started editing. Nothing is written then, so the earlier save is never silently erased.
 * `fields` maps the API's field names to their columns.
 */
export async function checkEditVersions(
  tx: Db,
  table: keyof Database & string,
  id: string,
  fields: Record<string, string>,
  versions: Record<string, string | undefined> | undefined,
): Promise<void> {
  const sent = Object.entries(versions ?? {}).filter(
    (e): e is [string, string] => e[1] !== undefined && e[0] in fields,
  );
  if (!sent.length) return;
  await lockRow(tx, table, id);
  // The table and columns come from the caller's code, never from the request.
  const row = (await (tx as unknown as Kysely<Record<string, Record<string, unknown>>>)
    .selectFrom(table)
    .select(sent.map(([field]) => fields[field]!))
    .where('id', '=', id)
    .executeTakeFirst()) as Record<string, string | null> | undefined;
  if (!row) return; // gone: the caller's own checks answer for that
  const current: Record<string, string> = {};
  for (const [field, version] of sent) {
    const stored = row[fields[field]!] ?? '';
    if (textVersion(stored) !== version) current[field] = stored;
  }
  if (Object.keys(current).length)
    throw new AppError(
      'edit_conflict',
      'This was changed somewhere else (another tab or device) while you were writing. Nothing was overwritten: choose which text to keep.',
      { current },
    );
}
