import type { Db } from '../db/database.js';
import { newId, nowIso } from '../util.js';

type Entry = { id: string; pm_id: string; actor_id: string; action: string; resource: string; at: string };
type Batch = { entries: Entry[]; done: Promise<void> };

// Entries waiting for the next group commit, per database.
const pending = new WeakMap<Db, Batch>();

/**
 * Appends one entry (who, what, when; never the content) to a PM's access log. The caller
 * resumes only once the entry is committed. Entries arriving in the same moment share one
 * INSERT and one commit (a group commit): with synchronous=FULL every commit is an fsync, so
 * one per request would cap a busy server. Inside a transaction the entry joins that transaction.
 */
export async function recordAccess(input: {
  db: Db;
  pmId: string;
  actorId: string;
  action: string;
  resource: string;
}): Promise<void> {
  const { db, pmId, actorId, action, resource } = input;
  const entry = { id: newId(), pm_id: pmId, actor_id: actorId, action, resource, at: nowIso() };
  if (db.isTransaction) {
    await db.insertInto('access_log').values(entry).execute();
    return;
  }
  let batch = pending.get(db);
  if (!batch) {
    const entries: Entry[] = [];
    const done = new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
      pending.delete(db);
      // 200 rows × 6 columns stays well under SQLite's and PostgreSQL's parameter limits.
      for (let i = 0; i < entries.length; i += 200) {
        await db
          .insertInto('access_log')
          .values(entries.slice(i, i + 200))
          .execute();
      }
    });
    batch = { entries, done };
    pending.set(db, batch);
  }
  batch.entries.push(entry);
  await batch.done;
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
