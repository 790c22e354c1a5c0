import type { Db } from '../db/database.js';
import { newId, nowIso } from '../util.js';
import type { Grant } from './authorize.js';

type Entry = { id: string; pm_id: string; actor_id: string; action: string; resource: string; at: string };
/** A granted action (see authorize.ts), or a peer's answer through their link (the link is the grant). */
type Logged =
  | Pick<Grant, 'pmId' | 'actorId' | 'action'>
  | { pmId: string; actorId: string; action: 'peer-review:submit' };
type Batch = { entries: Entry[]; done: Promise<void> };

// Entries waiting for the next group commit, per database.
const pending = new WeakMap<Db, Batch>();

/**
 * Appends one entry (who, what, when; never the content) to a PM's access log for a granted
 * action, once everything was checked and just before the answer: the log records what was
 * shown or changed, never a refused attempt. The caller resumes only once the entry is committed. Entries arriving in the same moment share one
 * INSERT and one commit (a group commit): with synchronous=FULL every commit is an fsync, so
 * one per request would cap a busy server. Inside a transaction the entry joins that transaction.
 */
export async function recordAccess(input: { db: Db; grant: Logged; resource: string }): Promise<void> {
  const { db, grant, resource } = input;
  const entry = {
    id: newId(),
    pm_id: grant.pmId,
    actor_id: grant.actorId,
    action: grant.action,
    resource,
    at: nowIso(),
  };
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
