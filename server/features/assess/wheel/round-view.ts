import type { RoundView } from '../../../../common/wheel-rounds.js';
import type { Db } from '../../../db/database.js';
import { recordAccess } from '../../../privacy/access-log.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorizeRound } from '../rounds/round-access.js';
import { presentRoundTraits } from '../rounds/round-traits.js';
import { presentRoundDetail } from '../rounds/rounds.js';
import { cachedComparison } from './comparison.js';

/**
 * A round's page in one read: the round, and its compared wheel once revealed. One page view is
 * one access-log entry: "opened the compared wheel" when the wheel was shown, else "opened the round".
 */
export async function viewRound(input: { db: Db; actor: Actor; roundId: string }): Promise<RoundView> {
  const { db } = input;
  const { round, grant } = await authorizeRound({ ...input, action: 'round:read' });
  const detail = await presentRoundDetail(db, round, grant);
  const traits = await presentRoundTraits(db, round, grant);
  if (!round.revealed_at) {
    await recordAccess({ db, grant, resource: `round "${round.title}"` });
    return { round: detail, comparison: null, traits };
  }
  const compared = await authorizeRound({ ...input, action: 'comparison:read' });
  const comparison = await cachedComparison(db, round, compared.grant);
  await recordAccess({ db, grant: compared.grant, resource: `compared wheel of "${round.title}"` });
  return { round: detail, comparison, traits };
}
