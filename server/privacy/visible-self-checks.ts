import type { Db } from '../db/database.js';
import { may } from './authorize.js';
import type { Viewer } from './rules.js';

/**
 * A PM's self-checks that the viewer may see, filtered in SQL by the table's 'PM shared the
 * self-check': the PM all of theirs; a coach only those shared during their current pairing.
 * Every read of several self-checks starts here (history, dips, the timeline, the list).
 */
export function visibleSelfChecks(db: Db, viewer: Viewer) {
  let query = db.selectFrom('self_checks as sc').where('sc.pm_id', '=', viewer.pmId);
  if (!may(viewer, 'self-check:read', { selfCheck: { shared_at: null } }))
    query = query
      .where('sc.shared_at', 'is not', null)
      .where('sc.shared_at', '>=', viewer.coachSince ?? '9999');
  return query;
}
