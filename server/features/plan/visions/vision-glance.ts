import type { PmSummary } from '../../../../common/home.js';
import type { Db } from '../../../db/database.js';
import { may } from '../../../privacy/authorize.js';
import type { Viewer } from '../../../privacy/rules.js';
import { historyOf } from './proposal-history.js';
import { isRevisitDue } from './vision-revisit.js';

/**
 * The shared vision's state for a home page, for several PMs in one query (the digest): a
 * proposal waiting for this viewer, a revisit due. One per viewer, in their order. Logs nothing.
 */
export async function visionGlances(db: Db, viewers: readonly Viewer[]): Promise<PmSummary['vision'][]> {
  if (!viewers.length) return [];
  const rows = await db
    .selectFrom('vision_proposals')
    .select(['pm_id', 'status', 'proposed_by', 'proposed_side', 'proposed_at', 'decided_at'])
    .where(
      'pm_id',
      'in',
      viewers.map((v) => v.pmId),
    )
    .where('status', 'in', ['open', 'agreed'])
    .execute();
  return viewers.map((viewer) => {
    const open = rows.find((r) => r.pm_id === viewer.pmId && r.status === 'open');
    const agreed = rows
      .filter((r) => r.pm_id === viewer.pmId && r.status === 'agreed' && r.decided_at)
      .map((r) => r.decided_at!)
      .sort()
      .at(-1);
    return {
      // A proposal from before a new coach's pairing is not theirs to answer unless the PM shared it.
      waitingForViewer: !!open && may(viewer, 'vision:accept', { proposal: open, history: historyOf(open) }),
      revisitDue: isRevisitDue(agreed ?? null),
    };
  });
}
