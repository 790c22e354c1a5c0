import type { FrameworkContent } from '../../../../common/wheel.js';
import type { Db } from '../../../db/database.js';
import { areaScores } from '../../assess/rounds/scoring.js';
import { addMs, newId } from '../../../util.js';
import { seal } from '../../../crypto/sealed-fields.js';

export interface SeedAssessment {
  scores: Record<string, number>;
  notes?: Record<string, string>;
  nextBiggerChallenge?: string | null;
  submitted: boolean;
}

/**
 * Writes a whole round straight into the database (demo data, the benchmark, test worlds): the
 * round, both assessments with their answers, and the reveal when both are submitted. It bypasses
 * the HTTP checks on purpose; callers pass complete, on-scale scores.
 */
export async function insertRound(
  db: Db,
  input: {
    workspaceId: string;
    pmId: string;
    coachId: string;
    version: { id: string; content: FrameworkContent };
    title: string;
    createdAt: string;
    self: SeedAssessment;
    coach: SeedAssessment;
  },
): Promise<string> {
  const { workspaceId, pmId, coachId, version, title, createdAt, self, coach } = input;
  const roundId = newId();
  const submittedAt = addMs(createdAt, 3 * 24 * 3600 * 1000);
  const revealed = self.submitted && coach.submitted;
  await db
    .insertInto('assessment_rounds')
    .values({
      id: roundId,
      workspace_id: workspaceId,
      pm_id: pmId,
      coach_id: coachId,
      framework_version_id: version.id,
      title,
      opened_by: coachId,
      created_at: createdAt,
      revealed_at: revealed ? submittedAt : null,
      peers_shared: 0,
    })
    .execute();
  for (const [side, a, authorId] of [
    ['self', self, pmId],
    ['coach', coach, coachId],
  ] as const) {
    const id = newId();
    await db
      .insertInto('assessments')
      .values({
        id,
        round_id: roundId,
        side,
        author_id: authorId,
        peer_id: null,
        next_bigger_challenge: a.nextBiggerChallenge ?? null,
        area_scores: a.submitted ? JSON.stringify(areaScores(version.content, a.scores)) : null,
        created_at: createdAt,
        updated_at: a.submitted ? submittedAt : createdAt,
        submitted_at: a.submitted ? submittedAt : null,
      })
      .execute();
    const scores = Object.entries(a.scores).map(([statement_key, score]) => ({
      assessment_id: id,
      statement_key,
      score,
    }));
    if (scores.length) await db.insertInto('assessment_scores').values(scores).execute();
    const notes = Object.entries(a.notes ?? {}).map(([area_key, note]) => ({
      assessment_id: id,
      area_key,
      note: seal(db, 'assessment_notes.note', note),
    }));
    if (notes.length) await db.insertInto('assessment_notes').values(notes).execute();
  }
  return roundId;
}
