import type { RoundDetail } from '../../../../common/wheel-rounds.js';
import type { Db } from '../../../db/database.js';
import { AppError } from '../../../http/errors.js';
import { recordAccess } from '../../../privacy/access-log.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorize } from '../../../privacy/authorize.js';
import { authorizeRound } from '../../assess/rounds/round-access.js';
import { findRound } from '../../assess/rounds/round-queries.js';
import { currentCoachIds, presentRoundDetail } from '../../assess/rounds/rounds.js';

/**
 * Stuck rounds (decision 038): a round still open whose coach has left no longer blocks the PM.
 * The PM closes it unrevealed (it stays in their own list as closed; nobody ever sees a
 * comparison of it) or hands it to a current coach, who assesses it afresh: the coach side
 * restarts empty, the PM's own side stays as it is.
 */

interface Call {
  db: Db;
  actor: Actor;
  roundId: string;
  now: Date;
}

const changedMeanwhile = () =>
  new AppError(
    'conflict',
    'This round changed meanwhile (revealed, closed or handed over). Reload the page.',
  );

/** The round, for someone who may see it, and the PM's grant for this action on it (404 before anything else). */
async function stuckRound(input: Call, action: 'round:close' | 'round:hand-over') {
  const { db, actor } = input;
  const { round } = await authorizeRound({ db, actor, roundId: input.roundId, action: 'round:read' });
  const roundCoachLeft = !(await currentCoachIds(db, round.pm_id)).has(round.coach_id);
  const grant = await authorize({ db, actor, action, pmId: round.pm_id, thing: { round, roundCoachLeft } });
  return { round, grant };
}

/** The PM closes a stuck round without a reveal. */
export async function closeStuckRound(input: Call): Promise<RoundDetail> {
  const { db, now } = input;
  const { round, grant } = await stuckRound(input, 'round:close');
  const done = await db
    .updateTable('assessment_rounds')
    .set({ closed_at: now.toISOString() })
    .where('id', '=', round.id)
    .where('revealed_at', 'is', null)
    .where('closed_at', 'is', null)
    .where('coach_id', '=', round.coach_id)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) throw changedMeanwhile();
  const detail = await presentRoundDetail(db, (await findRound(db, round.id))!, grant);
  await recordAccess({ db, grant, resource: `round "${round.title}" closed without a reveal` });
  return detail;
}

/** The PM hands a stuck round to a current coach: their side starts empty, the PM's stays. */
export async function handOverStuckRound(input: Call & { coachId: string }): Promise<RoundDetail> {
  const { db, now, coachId } = input;
  const { round, grant } = await stuckRound(input, 'round:hand-over');
  if (!(await currentCoachIds(db, round.pm_id)).has(coachId))
    throw new AppError('validation_failed', 'coachId: is not one of your current coaches');
  const at = now.toISOString();
  await db.transaction().execute(async (tx) => {
    const moved = await tx
      .updateTable('assessment_rounds')
      .set({ coach_id: coachId })
      .where('id', '=', round.id)
      .where('revealed_at', 'is', null)
      .where('closed_at', 'is', null)
      .where('coach_id', '=', round.coach_id)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw changedMeanwhile();
    const coachSide = await tx
      .selectFrom('assessments')
      .select('id')
      .where('round_id', '=', round.id)
      .where('side', '=', 'coach')
      .execute();
    const ids = coachSide.map((a) => a.id);
    // The previous coach's words on the traits go with their draft.
    await tx
      .deleteFrom('round_traits')
      .where('round_id', '=', round.id)
      .where('side', '=', 'coach')
      .execute();
    if (ids.length) {
      // The previous coach's draft is theirs: the new coach never sees it, and starts afresh.
      await tx.deleteFrom('assessment_scores').where('assessment_id', 'in', ids).execute();
      await tx.deleteFrom('assessment_notes').where('assessment_id', 'in', ids).execute();
      await tx
        .updateTable('assessments')
        .set({
          author_id: coachId,
          next_bigger_challenge: null,
          area_scores: null,
          submitted_at: null,
          updated_at: at,
        })
        .where('id', 'in', ids)
        .execute();
    }
  });
  const detail = await presentRoundDetail(db, (await findRound(db, round.id))!, grant);
  await recordAccess({ db, grant, resource: `round "${round.title}" handed to a current coach` });
  return detail;
}
