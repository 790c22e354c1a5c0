import type { HistoryPart } from '../../common/history-grants.js';
import type { Db } from '../db/database.js';
import { historyVisibleFrom, type Viewer } from './rules.js';

/**
 * The PM's history a viewer may see, filtered in SQL (decision 038): the PM sees all of theirs;
 * a coach what was made during their current pairing, and before it only the parts the PM
 * shared (`historyVisibleFrom` in rules.ts decides). Every read of several things of the PM's
 * history starts here or applies `visibleSince`; callers add joins, columns and order.
 */

/** The earliest time the viewer sees of this part, or null for all of it. */
export const visibleSince = (viewer: Viewer, part: HistoryPart) => historyVisibleFrom(viewer, part);

/** Plan versions the viewer may open: the current one, and those still current during the pairing. */
export function visiblePlanVersions(db: Db, viewer: Viewer) {
  const from = visibleSince(viewer, 'plan-history');
  let query = db.selectFrom('plans').where('plans.pm_id', '=', viewer.pmId);
  if (from !== null)
    query = query.where((eb) =>
      eb.or([eb('plans.replaced_at', 'is', null), eb('plans.replaced_at', '>=', from)]),
    );
  return query;
}

/** The PM's check-ins made during the pairing or shared (the PM's private ones are filtered by the caller's rule). */
export function visibleCheckIns(db: Db, viewer: Viewer) {
  const from = visibleSince(viewer, 'check-ins');
  let query = db.selectFrom('check_ins').where('check_ins.pm_id', '=', viewer.pmId);
  if (from !== null) query = query.where('check_ins.created_at', '>=', from);
  return query;
}

/** The PM's pulses given during the pairing, or all when shared. */
export function visiblePulses(db: Db, viewer: Viewer) {
  const from = visibleSince(viewer, 'check-ins');
  let query = db.selectFrom('pulses').where('pulses.pm_id', '=', viewer.pmId);
  if (from !== null) query = query.where('pulses.created_at', '>=', from);
  return query;
}

/** The PM's vision proposals made during the pairing, or all when shared (the agreed one is added by the caller). */
export function visibleVisionProposals(db: Db, viewer: Viewer) {
  const from = visibleSince(viewer, 'vision-history');
  let query = db.selectFrom('vision_proposals as v').where('v.pm_id', '=', viewer.pmId);
  if (from !== null) query = query.where('v.proposed_at', '>=', from);
  return query;
}
