import type { AssessmentSide } from '../../../common/wheel-rounds.js';
import type { Db } from '../../db/database.js';
import { notFound } from '../../http/errors.js';
import type { Actor } from '../../privacy/actor.js';
import type { Relation } from '../../privacy/policy.js';

/**
 * The wheel's rules on top of policy.ts (which has already let only the PM and current coaches
 * in). Read as a table:
 *
 * | what                         | the PM                          | a current coach                              |
 * |------------------------------|---------------------------------|----------------------------------------------|
 * | a round                      | always                          | rounds opened since they began coaching, and rounds they assess |
 * | their own assessment (draft) | the self-assessment             | the coach assessment, if it is their round   |
 * | the other side's assessment  | once the round is revealed      | once the round is revealed                   |
 * | peer scores                  | once revealed                   | once revealed and only if the PM shared them |
 *
 * A round is revealed when both the PM and the round's coach have submitted. Every refusal is a
 * 404, like a missing thing.
 */
export interface Viewer {
  actorId: string;
  relation: Relation;
  /** For a coach: when their current pairing with the PM began (older rounds are not theirs to see). */
  coachSince: string | null;
}

export interface RoundAccess {
  pm_id: string;
  coach_id: string;
  created_at: string;
  revealed_at: string | null;
  peers_shared: number;
}

/** Works out the viewer after authorize() granted `relation` for the PM. */
export async function viewerFor(db: Db, actor: Actor, pmId: string, relation: Relation): Promise<Viewer> {
  if (relation !== 'coach') return { actorId: actor.id, relation, coachSince: null };
  const pair = await db
    .selectFrom('pairs')
    .select('accepted_at')
    .where('coach_id', '=', actor.id)
    .where('pm_id', '=', pmId)
    .where('status', '=', 'active')
    .orderBy('accepted_at')
    .executeTakeFirst();
  return { actorId: actor.id, relation, coachSince: pair?.accepted_at ?? '9999' };
}

export function canSeeRound(round: RoundAccess, viewer: Viewer): boolean {
  if (viewer.relation === 'pm') return round.pm_id === viewer.actorId;
  if (viewer.relation !== 'coach') return false;
  return round.coach_id === viewer.actorId || round.created_at >= (viewer.coachSince ?? '9999');
}

/** Which assessment of the round the viewer writes, if any. */
export function sideOf(round: RoundAccess, viewer: Viewer): AssessmentSide | null {
  if (viewer.relation === 'pm' && round.pm_id === viewer.actorId) return 'self';
  if (viewer.relation === 'coach' && round.coach_id === viewer.actorId) return 'coach';
  return null;
}

/** The blind reveal: your own assessment always; the other side's only once both submitted. */
export const canSeeAssessment = (round: RoundAccess, side: AssessmentSide, viewer: Viewer) =>
  canSeeRound(round, viewer) && (sideOf(round, viewer) === side || round.revealed_at !== null);

/** Peer scores go to the PM; to the coach only when the PM shared them. Never before the reveal. */
export const canSeePeerScores = (round: RoundAccess, viewer: Viewer) =>
  canSeeRound(round, viewer) &&
  round.revealed_at !== null &&
  (viewer.relation === 'pm' || round.peers_shared === 1);

/** Whether the viewer may see how many peers were invited and answered. */
export const canSeePeerStatus = (round: RoundAccess, viewer: Viewer) =>
  viewer.relation === 'pm' || (round.peers_shared === 1 && canSeeRound(round, viewer));

export function assertCanSeeRound(
  round: RoundAccess | undefined,
  viewer: Viewer,
): asserts round is RoundAccess {
  if (!round || !canSeeRound(round, viewer)) throw notFound('That round');
}
