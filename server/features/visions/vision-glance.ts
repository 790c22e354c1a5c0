import type { PmSummary } from '../../../common/home.js';
import type { Db } from '../../db/database.js';
import { may } from '../../privacy/authorize.js';
import type { Viewer } from '../../privacy/rules.js';
import { isRevisitDue } from './vision-revisit.js';

/** The shared vision's state for a home page: a proposal waiting for this viewer, a revisit due. Logs nothing. */
export async function visionGlance(db: Db, viewer: Viewer): Promise<PmSummary['vision']> {
  const open = await db
    .selectFrom('vision_proposals')
    .select(['proposed_by', 'proposed_side', 'proposed_at'])
    .where('pm_id', '=', viewer.pmId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  // A proposal from before a new coach's pairing is not theirs to answer unless the PM shared it.
  const seen =
    !!open &&
    may(viewer, ['made during this pairing or shared by the PM'], {
      history: { part: 'vision-history', at: open.proposed_at },
    });
  const agreed = await db
    .selectFrom('vision_proposals')
    .select('decided_at')
    .where('pm_id', '=', viewer.pmId)
    .where('status', '=', 'agreed')
    .orderBy('decided_at', 'desc')
    .executeTakeFirst();
  return {
    waitingForViewer: seen && may(viewer, ['other side of the proposal'], { proposal: open }),
    revisitDue: isRevisitDue(agreed?.decided_at ?? null),
  };
}
