import type { AssessmentSide } from '../../../../common/wheel-rounds.js';
import type { Db } from '../../../db/database.js';
import { notFound } from '../../../http/errors.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorize, type Grant } from '../../../privacy/authorize.js';
import { findRound, type RoundRow } from './round-queries.js';

type RoundAction = 'round:read' | 'comparison:read' | 'peers:manage' | 'assessment:read' | 'assessment:write';

/**
 * The gate to one round: finds it, then authorizes the action on it (privacy/rules.ts). A missing
 * round and one the actor may not see get the same answer. Logs nothing (the caller does, last).
 */
export async function authorizeRound(input: {
  db: Db;
  actor: Actor;
  roundId: string;
  action: RoundAction;
  side?: AssessmentSide;
}): Promise<{ round: RoundRow; grant: Grant }> {
  const { db, actor, roundId, action, side } = input;
  const round = await findRound(db, roundId);
  if (!round) throw notFound();
  // Each round action's conditions look at the round, and the assessment ones at its side too.
  const thing = { round, side: side ?? 'self' };
  const grant = await authorize({ db, actor, action, pmId: round.pm_id, thing } as Parameters<
    typeof authorize<'assessment:read'>
  >[0]);
  return { round, grant };
}
