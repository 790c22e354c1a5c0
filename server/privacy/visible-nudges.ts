import type { Db } from '../db/database.js';
import { may } from './authorize.js';
import type { Viewer } from './rules.js';

/**
 * A PM's nudges that the viewer may see, filtered in SQL by the table's 'nudge sent during this
 * pairing' (so a page of them is full): the PM all of theirs, a coach their own of this pairing,
 * or all when the PM shared the nudges part of their history. Callers check each row with
 * `may(viewer, 'nudge:see', …)` as well.
 */
export function visibleNudges(db: Db, viewer: Viewer) {
  const query = db.selectFrom('nudges').where('pm_id', '=', viewer.pmId);
  const someoneElses = { pm_id: viewer.pmId, coach_id: '', created_at: '9999' };
  if (may(viewer, 'nudge:see', { nudge: someoneElses })) return query;
  return query.where('coach_id', '=', viewer.actorId).where('created_at', '>=', viewer.coachSince ?? '9999');
}
