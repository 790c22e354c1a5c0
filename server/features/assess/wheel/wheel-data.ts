import type { Dip } from '../../../../common/wheel-rounds.js';
import type { FrameworkContent, Scale } from '../../../../common/wheel.js';
import type { Db } from '../../../db/database.js';
import type { Viewer } from '../../../privacy/rules.js';
import { visibleRounds } from '../../../privacy/visible-rounds.js';
import { loadVersion } from '../../define-good/frameworks/framework-versions.js';
import {
  assessmentsOf,
  parseAreaScores,
  type AssessmentRow,
  type RoundCore,
} from '../rounds/round-queries.js';
import { mean, round2 } from '../rounds/scoring.js';
import { dipsOf, withoutCovered, type SelfRound } from './dips.js';
import { unseal } from '../../../crypto/sealed-fields.js';

/** Revealed rounds with their framework version and submitted area scores: what comparison, history and dips read. */
export interface RevealedRound {
  row: RoundCore;
  content: FrameworkContent;
  scale: Scale;
  self: Record<string, number>;
  coach: Record<string, number>;
  /** Mean per area over the peers who answered (empty when none did). */
  peers: Record<string, number>;
  peerCount: number;
  assessments: AssessmentRow[];
}

/** Loads the area scores of some revealed rounds (oldest first, as given). */
export async function loadRevealed(
  db: Db,
  rows: RoundCore[],
  loaded?: AssessmentRow[],
): Promise<RevealedRound[]> {
  const assessments =
    loaded ??
    (await assessmentsOf(
      db,
      rows.map((r) => r.id),
    ));
  const byRound = new Map<string, AssessmentRow[]>();
  for (const a of assessments) {
    const list = byRound.get(a.round_id);
    if (list) list.push(a);
    else byRound.set(a.round_id, [a]);
  }
  const versions = new Map<string, FrameworkContent>();
  for (const id of new Set(rows.map((r) => r.framework_version_id)))
    versions.set(id, (await loadVersion(db, id)).content);
  return rows.map((row) => {
    const content = versions.get(row.framework_version_id)!;
    const own = byRound.get(row.id) ?? [];
    const peers = own
      .filter((a) => a.side === 'peer' && a.submitted_at)
      .map((a) => parseAreaScores(a.area_scores));
    return {
      row,
      content,
      scale: content.scale,
      self: parseAreaScores(own.find((a) => a.side === 'self')?.area_scores ?? null),
      coach: parseAreaScores(own.find((a) => a.side === 'coach')?.area_scores ?? null),
      peers: peerMeans(content, peers),
      peerCount: peers.length,
      assessments: own,
    };
  });
}

/**
 * Every revealed round of the PM the viewer may see (filtered in SQL), with its submitted
 * assessments, oldest first, in one query: what history, dips and the plan's ideas read.
 */
export async function revealedRoundsVisibleTo(db: Db, viewer: Viewer): Promise<RevealedRound[]> {
  const joined = await visibleRounds(db, viewer, { revealedOnly: true })
    .innerJoin('assessments as a', 'a.round_id', 'r.id')
    .select([
      'r.id',
      'r.pm_id',
      'r.coach_id',
      'r.framework_version_id',
      'r.title',
      'r.created_at',
      'r.revealed_at',
      'r.peers_shared',
    ])
    .select([
      'a.id as a_id',
      'a.side',
      'a.author_id',
      'a.next_bigger_challenge',
      'a.area_scores',
      'a.updated_at',
      'a.submitted_at',
    ])
    .where('a.submitted_at', 'is not', null)
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute();
  const rows = new Map<string, RoundCore>();
  const assessments: AssessmentRow[] = [];
  for (const j of joined) {
    const { a_id, side, author_id, next_bigger_challenge, area_scores, updated_at, submitted_at, ...round } =
      j;
    if (!rows.has(round.id)) rows.set(round.id, round);
    assessments.push({
      id: a_id,
      round_id: round.id,
      side,
      author_id,
      next_bigger_challenge,
      area_scores,
      updated_at,
      submitted_at,
    });
  }
  return loadRevealed(db, [...rows.values()], assessments);
}

function peerMeans(content: FrameworkContent, peers: Record<string, number>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const area of content.areas) {
    const m = mean(peers.flatMap((p) => (p[area.key] === undefined ? [] : [p[area.key]!])));
    if (m !== null) out[area.key] = m;
  }
  return out;
}

/** The area notes of some assessments: assessment id → area key → note. */
export async function areaNotes(db: Db, assessmentIds: string[]) {
  const out = new Map<string, Record<string, string>>();
  if (!assessmentIds.length) return out;
  const rows = await db
    .selectFrom('assessment_notes')
    .select(['assessment_id', 'area_key', 'note'])
    .where('assessment_id', 'in', assessmentIds)
    .execute();
  for (const r of rows)
    out.set(r.assessment_id, {
      ...(out.get(r.assessment_id) ?? {}),
      [r.area_key]: unseal(db, 'assessment_notes.note', r.note),
    });
  return out;
}

/** The self-assessment notes of a round, for its dips. */
export async function selfNotesOf(db: Db, round: RevealedRound | undefined) {
  const selfId = round?.assessments.find((a) => a.side === 'self')?.id;
  return selfId ? areaNotes(db, [selfId]) : new Map<string, Record<string, string>>();
}

/** The self-assessments' statement scores of some rounds: round id → statement key → score. */
export async function selfStatementsOf(db: Db, rounds: RevealedRound[]) {
  const out = new Map<string, Record<string, number>>();
  const selfIds = new Map<string, string>();
  for (const r of rounds) {
    const id = r.assessments.find((a) => a.side === 'self')?.id;
    if (id) selfIds.set(id, r.row.id);
  }
  if (!selfIds.size) return out;
  const rows = await db
    .selectFrom('assessment_scores')
    .select(['assessment_id', 'statement_key', 'score'])
    .where('assessment_id', 'in', [...selfIds.keys()])
    .execute();
  for (const r of rows) {
    const roundId = selfIds.get(r.assessment_id)!;
    out.set(roundId, { ...(out.get(roundId) ?? {}), [r.statement_key]: Number(r.score) });
  }
  return out;
}

/**
 * The dips of rounds[index] (against the rounds before it), per area and, given their scores, per
 * statement (decision 035), with names and the PM's area notes (from `notes`).
 */
export function dipsFor(
  rounds: RevealedRound[],
  index: number,
  notes: Map<string, Record<string, string>>,
  statements: Map<string, Record<string, number>> = new Map(),
): Dip[] {
  const series: SelfRound[] = rounds.map((r) => ({
    roundId: r.row.id,
    scale: r.scale,
    self: r.self,
    statements: statements.get(r.row.id) ?? {},
  }));
  const found = dipsOf(series, index);
  const round = rounds[index];
  if (!round || !found.length) return [];
  const selfId = round.assessments.find((a) => a.side === 'self')?.id ?? '';
  return withoutCovered(
    found.map((d) => {
      const area = round.content.areas.find((a) =>
        d.kind === 'area' ? a.key === d.key : a.statements.some((s) => s.key === d.key),
      );
      const statement = d.kind === 'statement' ? area?.statements.find((s) => s.key === d.key) : undefined;
      const areaKey = area?.key ?? d.key;
      return {
        source: 'round' as const,
        roundId: round.row.id,
        selfCheckId: null,
        roundTitle: round.row.title,
        revealedAt: round.row.revealed_at ?? '',
        areaKey,
        areaName: area?.name ?? d.key,
        statementKey: statement?.key ?? null,
        statementText: statement?.text ?? null,
        score: round2(d.score),
        recentLevel: round2(d.recentLevel),
        drop: round2(d.drop),
        note: notes.get(selfId)?.[areaKey] ?? null,
        private: false,
      };
    }),
  );
}
