import type { Db } from '../db/database.js';
import type { Viewer } from './rules.js';

/**
 * A PM's rounds that the viewer may see, filtered in SQL: the table's "round opened during this
 * pairing" (the PM sees all of theirs; a coach the rounds they assess and those opened since
 * their pairing began). Every read of several rounds starts here; callers add joins and columns.
 */
export function visibleRounds(db: Db, viewer: Viewer, options: { revealedOnly?: boolean } = {}) {
  let query = db.selectFrom('assessment_rounds as r').where('r.pm_id', '=', viewer.pmId);
  if (viewer.side === 'coach') {
    query = query.where((eb) =>
      eb.or([eb('r.coach_id', '=', viewer.actorId), eb('r.created_at', '>=', viewer.coachSince ?? '9999')]),
    );
  }
  if (options.revealedOnly) query = query.where('r.revealed_at', 'is not', null);
  return query;
}
