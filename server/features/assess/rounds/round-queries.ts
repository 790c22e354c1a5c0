import type { Db } from '../../../db/database.js';
import type { Viewer } from '../../../privacy/rules.js';
import { visibleRounds } from '../../../privacy/visible-rounds.js';

const roundColumns = [
  'r.id',
  'r.workspace_id',
  'r.pm_id',
  'r.coach_id',
  'r.framework_version_id',
  'r.title',
  'r.created_at',
  'r.revealed_at',
  'r.peers_shared',
  'r.closed_at',
  'coach.name as coach_name',
  'coach.email as coach_email',
] as const;

/** The reads the wheel's features share: rounds with their coach, and their assessments. */
export const roundQuery = (db: Db) =>
  db
    .selectFrom('assessment_rounds as r')
    .innerJoin('users as coach', 'coach.id', 'r.coach_id')
    .select(roundColumns);

/** The PM's rounds the viewer may see (filtered in SQL by privacy/visible-rounds.ts), with their coach. */
export const visibleRoundQuery = (db: Db, viewer: Viewer, options: { revealedOnly?: boolean } = {}) =>
  visibleRounds(db, viewer, options)
    .innerJoin('users as coach', 'coach.id', 'r.coach_id')
    .select(roundColumns);

export type RoundRow = Awaited<ReturnType<ReturnType<typeof roundQuery>['executeTakeFirstOrThrow']>>;

/** What the wheel's reads need of a round (no coach name): visibility, title, dates, version. */
export type RoundCore = Pick<
  RoundRow,
  | 'id'
  | 'pm_id'
  | 'coach_id'
  | 'framework_version_id'
  | 'title'
  | 'created_at'
  | 'revealed_at'
  | 'peers_shared'
>;

export const findRound = (db: Db, id: string) => roundQuery(db).where('r.id', '=', id).executeTakeFirst();

/** The PM's rounds the viewer may see, oldest first. */
export const roundsVisibleTo = (db: Db, viewer: Viewer) =>
  visibleRoundQuery(db, viewer).orderBy('r.created_at').orderBy('r.id').execute();

export interface AssessmentRow {
  id: string;
  round_id: string;
  side: 'self' | 'coach' | 'peer';
  author_id: string | null;
  next_bigger_challenge: string | null;
  area_scores: string | null;
  updated_at: string;
  submitted_at: string | null;
}

/** The assessments (self, coach and peers) of some rounds, without their answers. */
export async function assessmentsOf(db: Db, roundIds: string[]): Promise<AssessmentRow[]> {
  if (!roundIds.length) return [];
  const rows: AssessmentRow[] = [];
  // Chunked, so a long history stays under the engines' bound-parameter limits.
  for (let i = 0; i < roundIds.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('assessments')
        .select([
          'id',
          'round_id',
          'side',
          'author_id',
          'next_bigger_challenge',
          'area_scores',
          'updated_at',
          'submitted_at',
        ])
        .where('round_id', 'in', roundIds.slice(i, i + 500))
        .execute()),
    );
  }
  return rows;
}

/** Peer invitations counted per round: invited and answered. */
export async function peerCounts(db: Db, roundIds: string[]) {
  const counts = new Map<string, { invited: number; submitted: number }>();
  if (!roundIds.length) return counts;
  const rows = await db
    .selectFrom('peer_invitations')
    .select(['round_id', 'submitted_at'])
    .where('round_id', 'in', roundIds)
    .where('revoked_at', 'is', null)
    .execute();
  for (const r of rows) {
    const c = counts.get(r.round_id) ?? { invited: 0, submitted: 0 };
    c.invited += 1;
    if (r.submitted_at) c.submitted += 1;
    counts.set(r.round_id, c);
  }
  return counts;
}

export const parseAreaScores = (json: string | null): Record<string, number> =>
  json ? (JSON.parse(json) as Record<string, number>) : {};
