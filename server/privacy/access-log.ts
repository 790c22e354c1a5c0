import type { Db } from '../db/database.js';
import { newId, nowIso } from '../util.js';

/** Appends one entry (who, what, when; never the content) to a PM's access log. */
export async function recordAccess(input: {
  db: Db;
  pmId: string;
  actorId: string;
  action: string;
  resource: string;
}): Promise<void> {
  const { db, pmId, actorId, action, resource } = input;
  await db
    .insertInto('access_log')
    .values({ id: newId(), pm_id: pmId, actor_id: actorId, action, resource, at: nowIso() })
    .execute();
}

/** A PM's access log, newest first: others' access, and the PM's own when asked for. */
export async function listAccessLog(input: { db: Db; pmId: string; limit: number; includeOwn: boolean }) {
  let query = input.db
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
    .where('access_log.pm_id', '=', input.pmId);
  if (!input.includeOwn) query = query.where('access_log.actor_id', '!=', input.pmId);
  return query.orderBy('access_log.at', 'desc').orderBy('access_log.id', 'desc').limit(input.limit).execute();
}
