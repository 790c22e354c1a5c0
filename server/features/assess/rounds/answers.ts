import type { FrameworkContent } from '../../../../common/wheel.js';
import type { AssessmentDraftInput } from '../../../../common/wheel-rounds.js';
import type { Db } from '../../../db/database.js';
import { AppError } from '../../../http/errors.js';
import { statementIndex } from '../../define-good/frameworks/framework-content.js';
import { isOnScale } from './scoring.js';
import { seal, unseal } from '../../../crypto/sealed-fields.js';

/** The answers of one assessment: statement scores and area notes. */
export async function loadAnswers(db: Db, assessmentId: string) {
  const [scoreRows, noteRows] = await Promise.all([
    db
      .selectFrom('assessment_scores')
      .select(['statement_key', 'score'])
      .where('assessment_id', '=', assessmentId)
      .execute(),
    db
      .selectFrom('assessment_notes')
      .select(['area_key', 'note'])
      .where('assessment_id', '=', assessmentId)
      .execute(),
  ]);
  return {
    scores: Object.fromEntries(scoreRows.map((r) => [r.statement_key, Number(r.score)])) as Record<
      string,
      number
    >,
    notes: Object.fromEntries(
      noteRows.map((r) => [r.area_key, unseal(db, 'assessment_notes.note', r.note)]),
    ) as Record<string, string>,
  };
}

/** Checks answers against the round's framework version, naming the first bad field. */
export function checkAnswers(
  content: FrameworkContent,
  draft: Pick<AssessmentDraftInput, 'scores' | 'notes'>,
) {
  const statements = statementIndex(content);
  const areas = new Set(content.areas.map((a) => a.key));
  const { min, max } = content.scale;
  for (const [key, score] of Object.entries(draft.scores ?? {})) {
    if (!statements.has(key))
      throw new AppError('validation_failed', `scores.${key}: is not a statement of this framework version`);
    if (score !== null && !isOnScale(content.scale, score))
      throw new AppError('validation_failed', `scores.${key}: must be a whole number from ${min} to ${max}`);
  }
  for (const key of Object.keys(draft.notes ?? {})) {
    if (!areas.has(key))
      throw new AppError('validation_failed', `notes.${key}: is not an area of this framework version`);
  }
}

/** Writes a partial set of answers: upserts what is sent, clears what is sent as null (or an empty note). */
export async function writeAnswers(
  db: Db,
  assessmentId: string,
  draft: Pick<AssessmentDraftInput, 'scores' | 'notes'>,
) {
  const scores = Object.entries(draft.scores ?? {});
  const notes = Object.entries(draft.notes ?? {}).map(([k, v]) => [k, v?.trim() ? v.trim() : null] as const);
  const setScores = scores.flatMap(([statement_key, score]) =>
    score === null ? [] : [{ assessment_id: assessmentId, statement_key, score }],
  );
  const clearScores = scores.filter(([, s]) => s === null).map(([k]) => k);
  const setNotes = notes.flatMap(([area_key, note]) =>
    note === null
      ? []
      : [{ assessment_id: assessmentId, area_key, note: seal(db, 'assessment_notes.note', note) }],
  );
  const clearNotes = notes.filter(([, n]) => n === null).map(([k]) => k);
  if (setScores.length) {
    await db
      .insertInto('assessment_scores')
      .values(setScores)
      .onConflict((oc) =>
        oc
          .columns(['assessment_id', 'statement_key'])
          .doUpdateSet((eb) => ({ score: eb.ref('excluded.score') })),
      )
      .execute();
  }
  if (clearScores.length)
    await db
      .deleteFrom('assessment_scores')
      .where('assessment_id', '=', assessmentId)
      .where('statement_key', 'in', clearScores)
      .execute();
  if (setNotes.length) {
    await db
      .insertInto('assessment_notes')
      .values(setNotes)
      .onConflict((oc) =>
        oc.columns(['assessment_id', 'area_key']).doUpdateSet((eb) => ({ note: eb.ref('excluded.note') })),
      )
      .execute();
  }
  if (clearNotes.length)
    await db
      .deleteFrom('assessment_notes')
      .where('assessment_id', '=', assessmentId)
      .where('area_key', 'in', clearNotes)
      .execute();
}
