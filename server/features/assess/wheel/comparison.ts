import type { Comparison } from '../../../../common/wheel-rounds.js';
import type { Db } from '../../../db/database.js';
import { recordAccess } from '../../../privacy/access-log.js';
import type { Actor } from '../../../privacy/actor.js';
import { may } from '../../../privacy/authorize.js';
import type { Viewer } from '../../../privacy/rules.js';
import { visibleRounds } from '../../../privacy/visible-rounds.js';
import { authorizeRound } from '../rounds/round-access.js';
import type { RoundCore, RoundRow } from '../rounds/round-queries.js';
import { presentRounds } from '../rounds/rounds.js';
import { round2, toScale } from '../rounds/scoring.js';
import { DIP_LOOKBACK } from './dips.js';
import { changeSince, perceptionGaps } from './gaps.js';
import { wheelStateFor } from './history.js';
import type { ComparisonParts } from './wheel-cache.js';
import { areaNotes, dipsFor, loadRevealed, selfStatementsOf, type RevealedRound } from './wheel-data.js';

const onScaleOf = (from: RevealedRound, to: RevealedRound, scores: Record<string, number>) =>
  Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, toScale(v, from.scale, to.scale)]));

/**
 * The comparison of a revealed round: per area self, coach and (if visible) peers, the perception
 * gaps largest first, the change since the previous round, the dips and both Next Bigger Challenges.
 * Before the reveal there is nothing to compare: 409 for both sides.
 */
export async function compareRound(input: { db: Db; actor: Actor; roundId: string }): Promise<Comparison> {
  const { round, grant } = await authorizeRound({ ...input, action: 'comparison:read' });
  const comparison = await cachedComparison(input.db, round, grant);
  await recordAccess({ db: input.db, grant, resource: `compared wheel of "${round.title}"` });
  return comparison;
}

/** The comparison of a revealed round the viewer was granted (logs nothing; the caller does). */
export async function buildComparison(db: Db, round: RoundRow, viewer: Viewer): Promise<Comparison> {
  return withRound(db, round, viewer, await comparisonParts(db, round, viewer));
}

/**
 * `buildComparison` from the viewer's cached wheel (decision 045): the compared wheel is kept in
 * the entry of the viewer's key and the PM's stamp, so any change to the rounds, answers or
 * sharing builds it again; the presented round (the coach's name, peer invitations) is read fresh.
 */
export async function cachedComparison(db: Db, round: RoundRow, viewer: Viewer): Promise<Comparison> {
  const { comparisons } = await wheelStateFor(db, viewer);
  let parts = comparisons.get(round.id);
  if (!parts) {
    if (comparisons.size >= 24) comparisons.delete(comparisons.keys().next().value!);
    parts = comparisonParts(db, round, viewer);
    comparisons.set(round.id, parts);
    parts.catch(() => comparisons.delete(round.id));
  }
  return withRound(db, round, viewer, await parts);
}

async function withRound(
  db: Db,
  round: RoundRow,
  viewer: Viewer,
  parts: ComparisonParts,
): Promise<Comparison> {
  const [presented] = await presentRounds(db, [round], viewer, parts.assessments);
  return { round: presented!, ...parts.comparison };
}

async function comparisonParts(db: Db, round: RoundCore, viewer: Viewer): Promise<ComparisonParts> {
  // This round and up to three earlier revealed rounds the viewer may see: enough for change and dips.
  const earlier = await visibleRounds(db, viewer, { revealedOnly: true })
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
    .where((eb) =>
      eb.or([
        eb('r.created_at', '<', round.created_at),
        eb.and([eb('r.created_at', '=', round.created_at), eb('r.id', '<', round.id)]),
      ]),
    )
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(DIP_LOOKBACK)
    .execute();
  const rows: RoundCore[] = [...earlier.reverse(), round];
  const rounds = await loadRevealed(db, rows);
  const index = rounds.length - 1;
  const current = rounds[index]!;
  const previous = index > 0 ? rounds[index - 1]! : null;
  const peersVisible = may(viewer, 'peer-scores:see', { round });
  const ids = current.assessments.filter((a) => a.side !== 'peer').map((a) => a.id);
  const notes = await areaNotes(db, ids);
  const noteOf = (side: 'self' | 'coach', area: string) =>
    notes.get(current.assessments.find((a) => a.side === side)?.id ?? '')?.[area] ?? null;
  // Peers' words without names, in alphabetical order (never the order they came in).
  const peerNotes = may(viewer, 'peer-notes:see', { round, peerCount: current.peerCount })
    ? await areaNotes(
        db,
        current.assessments.filter((a) => a.side === 'peer' && a.submitted_at).map((a) => a.id),
      )
    : new Map<string, Record<string, string>>();
  const peerNotesOn = (area: string) =>
    [...peerNotes.values()]
      .map((n) => n[area])
      .filter((n): n is string => Boolean(n))
      .sort((a, b) => a.localeCompare(b));
  const selfChange = changeSince(current.self, previous ? onScaleOf(previous, current, previous.self) : null);
  const coachChange = changeSince(
    current.coach,
    previous ? onScaleOf(previous, current, previous.coach) : null,
  );
  const areas = current.content.areas.map((a) => ({
    key: a.key,
    name: a.name,
    self: round2(current.self[a.key] ?? 0),
    coach: round2(current.coach[a.key] ?? 0),
    peers: peersVisible && current.peers[a.key] !== undefined ? round2(current.peers[a.key]!) : null,
    selfNote: noteOf('self', a.key),
    coachNote: noteOf('coach', a.key),
    peerNotes: peerNotesOn(a.key),
    change: { self: nullableRound(selfChange[a.key]), coach: nullableRound(coachChange[a.key]) },
  }));
  const nbc = (side: 'self' | 'coach') =>
    current.assessments.find((a) => a.side === side)?.next_bigger_challenge ?? null;
  const comparison = {
    scale: current.scale,
    areas,
    perceptionGaps: perceptionGaps(areas).map((g) => ({ ...g, difference: round2(g.difference) })),
    peerCount: peersVisible ? current.peerCount : null,
    previousRoundId: previous?.row.id ?? null,
    nextBiggerChallenge: { coach: nbc('coach'), self: nbc('self') },
    dips: dipsFor(rounds, index, notes, await selfStatementsOf(db, rounds)),
  };
  return { comparison, assessments: current.assessments };
}

const nullableRound = (n: number | null | undefined) => (n === null || n === undefined ? null : round2(n));
