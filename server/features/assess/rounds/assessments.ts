import type { Assessment, AssessmentDraftInput, AssessmentSide } from '../../../../common/wheel-rounds.js';
import type { Db } from '../../../db/database.js';
import { AppError } from '../../../http/errors.js';
import { recordAccess } from '../../../privacy/access-log.js';
import type { Actor } from '../../../privacy/actor.js';
import { nowIso } from '../../../util.js';
import { loadVersion } from '../../define-good/frameworks/framework-versions.js';
import { checkAnswers, loadAnswers, writeAnswers } from './answers.js';
import type { Grant } from '../../../privacy/authorize.js';
import { authorizeRound } from './round-access.js';
import type { RoundRow } from './round-queries.js';
import { areaScores, missingStatements, round2, statementCount } from './scoring.js';

async function assessmentRow(db: Db, roundId: string, side: AssessmentSide) {
  return db
    .selectFrom('assessments')
    .innerJoin('users', 'users.id', 'assessments.author_id')
    .select([
      'assessments.id',
      'assessments.next_bigger_challenge',
      'assessments.updated_at',
      'assessments.submitted_at',
      'users.id as author_id',
      'users.name as author_name',
      'users.email as author_email',
    ])
    .where('assessments.round_id', '=', roundId)
    .where('assessments.side', '=', side)
    .executeTakeFirstOrThrow();
}

/** Presents one assessment with its answers and the area means they give. */
export async function presentAssessment(db: Db, round: RoundRow, side: AssessmentSide): Promise<Assessment> {
  const row = await assessmentRow(db, round.id, side);
  const { content } = await loadVersion(db, round.framework_version_id);
  const { scores, notes } = await loadAnswers(db, row.id);
  const means = areaScores(content, scores);
  return {
    roundId: round.id,
    side,
    author: { id: row.author_id, name: row.author_name, email: row.author_email },
    status: row.submitted_at ? 'submitted' : 'draft',
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    scores,
    notes,
    nextBiggerChallenge: row.next_bigger_challenge,
    areaScores: Object.fromEntries(Object.entries(means).map(([k, v]) => [k, v === null ? null : round2(v)])),
    answered: Object.keys(scores).length,
    total: statementCount(content),
  };
}

/** One side's assessment: a draft to its author only; the other side's once the round is revealed. */
export async function readAssessment(input: {
  db: Db;
  actor: Actor;
  roundId: string;
  side: AssessmentSide;
}): Promise<Assessment> {
  const { round, grant } = await authorizeRound({ ...input, action: 'assessment:read' });
  const assessment = await presentAssessment(input.db, round, input.side);
  await recordAccess({ db: input.db, grant, resource: `${input.side} assessment in "${round.title}"` });
  return assessment;
}

/** Locks the round and the author's draft (no-op updates take row locks on PostgreSQL), refusing a submitted one. */
async function lockDraft(tx: Db, roundId: string, side: AssessmentSide, now: string) {
  await tx
    .updateTable('assessment_rounds')
    .set((eb) => ({ peers_shared: eb.ref('peers_shared') }))
    .where('id', '=', roundId)
    .execute();
  const locked = await tx
    .updateTable('assessments')
    .set({ updated_at: now })
    .where('round_id', '=', roundId)
    .where('side', '=', side)
    .where('submitted_at', 'is', null)
    .executeTakeFirst();
  if (Number(locked.numUpdatedRows) !== 1)
    throw new AppError('conflict', 'This assessment is already submitted and can no longer change.');
  return (
    await tx
      .selectFrom('assessments')
      .select('id')
      .where('round_id', '=', roundId)
      .where('side', '=', side)
      .executeTakeFirstOrThrow()
  ).id;
}

const authorRound = (input: { db: Db; actor: Actor; roundId: string; side: AssessmentSide }) =>
  authorizeRound({ ...input, action: 'assessment:write' });

const logWrite = (db: Db, grant: Grant, round: RoundRow, side: AssessmentSide) =>
  recordAccess({ db, grant, resource: `${side} assessment in "${round.title}"` });

/** Saves part of a draft (autosave): only the fields sent change, nothing else is lost. */
export async function saveDraft(input: {
  db: Db;
  actor: Actor;
  roundId: string;
  side: AssessmentSide;
  draft: AssessmentDraftInput;
}): Promise<Assessment> {
  const { db, draft, side } = input;
  const { round, grant } = await authorRound(input);
  checkAnswers((await loadVersion(db, round.framework_version_id)).content, draft);
  await writeDraft(db, round.id, side, draft);
  const assessment = await presentAssessment(db, round, side);
  await logWrite(db, grant, round, side);
  return assessment;
}

function writeDraft(db: Db, roundId: string, side: AssessmentSide, draft: AssessmentDraftInput) {
  return db.transaction().execute(async (tx) => {
    const id = await lockDraft(tx, roundId, side, nowIso());
    await writeAnswers(tx, id, draft);
    if (draft.nextBiggerChallenge !== undefined) {
      await tx
        .updateTable('assessments')
        .set({ next_bigger_challenge: draft.nextBiggerChallenge || null })
        .where('id', '=', id)
        .execute();
    }
  });
}

/**
 * Submits a complete assessment. When the other side has already submitted, the round is revealed
 * in the same transaction (the round's row lock makes two simultaneous submits see each other).
 */
export async function submitAssessment(input: {
  db: Db;
  actor: Actor;
  roundId: string;
  side: AssessmentSide;
  draft: AssessmentDraftInput;
}): Promise<Assessment> {
  const { db, side, draft } = input;
  const { round, grant } = await authorRound(input);
  const { content } = await loadVersion(db, round.framework_version_id);
  checkAnswers(content, draft);
  // Answers sent with the submit are saved first, so a refused submit loses nothing.
  if (draft.scores || draft.notes || draft.nextBiggerChallenge !== undefined)
    await writeDraft(db, round.id, side, draft);
  await db.transaction().execute(async (tx) => {
    const now = nowIso();
    const id = await lockDraft(tx, round.id, side, now);
    const { scores } = await loadAnswers(tx, id);
    const missing = missingStatements(content, scores);
    if (missing.length)
      throw new AppError(
        'validation_failed',
        `scores: ${missing.length} statement(s) not scored yet (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''})`,
      );
    const nbc = await tx
      .selectFrom('assessments')
      .select('next_bigger_challenge')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    if (side === 'coach' && !nbc.next_bigger_challenge)
      throw new AppError(
        'validation_failed',
        'nextBiggerChallenge: is required from the coach (what would this PM take on next, if ready?)',
      );
    await tx
      .updateTable('assessments')
      .set({ submitted_at: now, area_scores: JSON.stringify(areaScores(content, scores)) })
      .where('id', '=', id)
      .execute();
    const waiting = await tx
      .selectFrom('assessments')
      .select('id')
      .where('round_id', '=', round.id)
      .where('side', 'in', ['self', 'coach'])
      .where('submitted_at', 'is', null)
      .execute();
    if (!waiting.length)
      await tx
        .updateTable('assessment_rounds')
        .set({ revealed_at: now })
        .where('id', '=', round.id)
        .where('revealed_at', 'is', null)
        .where('closed_at', 'is', null)
        .execute();
  });
  const assessment = await presentAssessment(db, round, side);
  await logWrite(db, grant, round, side);
  return assessment;
}
