import type { AccessLogEntry } from '../../../../common/schemas.js';
import type { Db } from '../../../db/database.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorize } from '../../../privacy/authorize.js';

/** Repeats of the same access closer together than this collapse into one line ("8 times since 9:38"). */
export const REPEAT_WINDOW_MS = 60 * 60 * 1000;

type Row = {
  id: string;
  at: string;
  action: string;
  resource: string;
  actor_id: string;
  actor_name: string | null;
  actor_email: string | null;
};

/**
 * The PM's own access log, newest first: others' access, and the PM's own when asked for. Runs
 * of the same access by the same person collapse into one entry with a count. Reading the log is
 * not itself logged.
 */
export async function readAccessLog(input: {
  db: Db;
  actor: Actor;
  pmId: string;
  limit: number;
  includeOwn: boolean;
}): Promise<AccessLogEntry[]> {
  const { db, actor, pmId, limit, includeOwn } = input;
  await authorize({ db, actor, action: 'access-log:read', pmId });
  let query = db
    .selectFrom('access_log')
    .leftJoin('users', 'users.id', 'access_log.actor_id')
    .select([
      'access_log.id',
      'access_log.at',
      'access_log.action',
      'access_log.resource',
      'access_log.actor_id',
      'users.name as actor_name',
      'users.email as actor_email',
    ])
    .where('access_log.pm_id', '=', pmId);
  if (!includeOwn) query = query.where('access_log.actor_id', '!=', pmId);
  // Enough rows for `limit` lines even when many repeat; a longer run is cut, not lost from the table.
  const rows = await query
    .orderBy('access_log.at', 'desc')
    .orderBy('access_log.id', 'desc')
    .limit(Math.min(limit * 25, 5000))
    .execute();
  return collapseRepeats(rows).slice(0, limit);
}

/** Folds consecutive rows (newest first) of one person doing the same thing within the window. */
export function collapseRepeats(rows: Row[]): AccessLogEntry[] {
  const out: AccessLogEntry[] = [];
  let previous: Row | null = null;
  for (const row of rows) {
    const last = out.at(-1);
    const repeat =
      last &&
      previous &&
      previous.actor_id === row.actor_id &&
      previous.action === row.action &&
      previous.resource === row.resource &&
      Date.parse(previous.at) - Date.parse(row.at) <= REPEAT_WINDOW_MS;
    if (repeat) {
      last.count += 1;
      last.firstAt = row.at;
    } else {
      out.push({
        id: row.id,
        at: row.at,
        firstAt: row.at,
        count: 1,
        action: row.action,
        resource: row.resource,
        actor: row.actor_name
          ? { id: row.actor_id, name: row.actor_name, email: row.actor_email ?? '' }
          : null,
      });
    }
    previous = row;
  }
  return out;
}
