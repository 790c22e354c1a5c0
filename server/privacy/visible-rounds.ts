import type { Db } from '../db/database.js';
import { historyVisibleFrom, type Viewer } from './rules.js';

/**
 * A PM's rounds that the viewer may see, filtered in SQL: the table's "round from this pairing or
 * shared by the PM" (the PM sees all of theirs; a coach the rounds they assess, those opened
 * since their pairing began, and earlier ones when the PM shared the wheel; never a round the PM
 * closed unrevealed). Every read of several rounds starts here; callers add joins and columns.
 */
export function visibleRounds(db: Db, viewer: Viewer, options: { revealedOnly?: boolean } = {}) {
  let query = db.selectFrom('assessment_rounds as r').where('r.pm_id', '=', viewer.pmId);
  if (viewer.side === 'coach') {
    const from = historyVisibleFrom(viewer, 'wheel') ?? '';
    query = query
      .where('r.closed_at', 'is', null)
      .where((eb) => eb.or([eb('r.coach_id', '=', viewer.actorId), eb('r.created_at', '>=', from)]));
  }
  if (options.revealedOnly) query = query.where('r.revealed_at', 'is not', null);
  return query;
}
