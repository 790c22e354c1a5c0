import { sql } from 'kysely';
import type { ErasureCounts } from '../../../../common/erasure.js';
import type { Db } from '../../../db/database.js';

// One count per kind; `count(*)` answers a string on PostgreSQL and a number on SQLite.
const total = sql<string | number>`count(*)`.as('n');
const n = (row: { n: string | number } | undefined) => Number(row?.n ?? 0);

/**
 * What an erasure of this person would touch, counted from their actual data: everything of
 * theirs as a PM, and what they wrote as a coach about other PMs (private notes and unrevealed
 * sides go; what they gave into a PM's record stays with that PM).
 */
export async function countWhatGoes(db: Db, personId: string): Promise<ErasureCounts> {
  type PmTable =
    | 'assessment_rounds'
    | 'self_checks'
    | 'vision_proposals'
    | 'coaching_sessions'
    | 'check_ins'
    | 'pulses'
    | 'nudges'
    | 'access_log';
  const mine = (table: PmTable) =>
    db
      .selectFrom(table as 'pulses')
      .select(total)
      .where('pm_id', '=', personId)
      .executeTakeFirst()
      .then(n);
  const myPlans = db.selectFrom('plans').select('id').where('pm_id', '=', personId);
  const othersPlans = db.selectFrom('plans').select('id').where('pm_id', '!=', personId);
  const othersSessions = db.selectFrom('coaching_sessions').select('id').where('pm_id', '!=', personId);
  const rounds = await mine('assessment_rounds');
  const selfChecks = await mine('self_checks');
  const visionProposals = await mine('vision_proposals');
  const coachingSessions = await mine('coaching_sessions');
  const checkIns = await mine('check_ins');
  const pulses = await mine('pulses');
  const nudges = await mine('nudges');
  const accessLogEntries = await mine('access_log');
  const reflections = n(
    await db
      .selectFrom('reflections')
      .select(total)
      .where('pm_id', '=', personId)
      .where('kind', '=', 'reflection')
      .executeTakeFirst(),
  );
  const coachNotesAboutYou = n(
    await db
      .selectFrom('reflections')
      .select(total)
      .where('pm_id', '=', personId)
      .where('kind', '=', 'coach-note')
      .executeTakeFirst(),
  );
  const planVersions = n(
    await db.selectFrom('plans').select(total).where('pm_id', '=', personId).executeTakeFirst(),
  );
  const planComments = n(
    await db.selectFrom('plan_comments').select(total).where('plan_id', 'in', myPlans).executeTakeFirst(),
  );
  const planSuggestions = n(
    await db.selectFrom('plan_suggestions').select(total).where('plan_id', 'in', myPlans).executeTakeFirst(),
  );

  // As a coach of other PMs.
  const pmsCoached = n(
    await db
      .selectFrom('pairs')
      .select(sql<number>`count(distinct pm_id)`.as('n'))
      .where('coach_id', '=', personId)
      .where('status', 'in', ['active', 'ended'])
      .executeTakeFirst(),
  );
  const coachNotes = n(
    await db
      .selectFrom('reflections')
      .select(total)
      .where('author_id', '=', personId)
      .where('pm_id', '!=', personId)
      .executeTakeFirst(),
  );
  const sessionNotes = n(
    await db
      .selectFrom('session_private_notes')
      .select(total)
      .where('author_id', '=', personId)
      .where('session_id', 'in', othersSessions)
      .executeTakeFirst(),
  );
  const privateComments = n(
    await db
      .selectFrom('plan_comments')
      .select(total)
      .where('author_id', '=', personId)
      .where('is_private', '=', 1)
      .where('plan_id', 'in', othersPlans)
      .executeTakeFirst(),
  );
  const coachSides = (revealed: boolean) =>
    db
      .selectFrom('assessments')
      .innerJoin('assessment_rounds as r', 'r.id', 'assessments.round_id')
      .select(total)
      .where('assessments.author_id', '=', personId)
      .where('assessments.side', '=', 'coach')
      .where('r.pm_id', '!=', personId)
      .where('r.revealed_at', revealed ? 'is not' : 'is', null)
      .executeTakeFirst()
      .then(n);
  const publicComments = n(
    await db
      .selectFrom('plan_comments')
      .select(total)
      .where('author_id', '=', personId)
      .where('is_private', '=', 0)
      .where('plan_id', 'in', othersPlans)
      .executeTakeFirst(),
  );
  const suggestions = n(
    await db
      .selectFrom('plan_suggestions')
      .select(total)
      .where('author_id', '=', personId)
      .where('plan_id', 'in', othersPlans)
      .executeTakeFirst(),
  );
  const sessionsAsCoach = n(
    await db
      .selectFrom('coaching_sessions')
      .select(total)
      .where('coach_id', '=', personId)
      .where('id', 'in', othersSessions)
      .executeTakeFirst(),
  );
  const nudgesSent = n(
    await db
      .selectFrom('nudges')
      .select(total)
      .where('coach_id', '=', personId)
      .where('pm_id', '!=', personId)
      .executeTakeFirst(),
  );
  return {
    rounds,
    selfChecks,
    reflections,
    coachNotesAboutYou,
    planVersions,
    planComments,
    planSuggestions,
    visionProposals,
    coachingSessions,
    checkIns,
    pulses,
    nudges,
    accessLogEntries,
    pmsCoached,
    privateNotes: coachNotes + sessionNotes + privateComments,
    unrevealedAssessments: await coachSides(false),
    revealedAssessments: await coachSides(true),
    commentsAndSuggestions: publicComments + suggestions,
    sessionsAsCoach,
    nudgesSent,
  };
}
