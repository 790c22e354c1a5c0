import type { Comparison } from '../../../common/wheel-rounds.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import type { Actor } from '../../privacy/actor.js';
import { changeSince, perceptionGaps } from './gaps.js';
import { accessRound } from './round-access.js';
import { canSeePeerScores, canSeeRound } from './round-policy.js';
import type { RoundCore } from './round-queries.js';
import { presentRounds } from './rounds.js';
import { round2, toScale } from './scoring.js';
import { areaNotes, dipsFor, loadRevealed, type RevealedRound } from './wheel-data.js';
import { DIP_LOOKBACK_ROUNDS } from './dips.js';

const onScaleOf = (from: RevealedRound, to: RevealedRound, scores: Record<string, number>) =>
  Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, toScale(v, from.scale, to.scale)]));

/**
 * The comparison of a revealed round: per area self, coach and (if visible) peers, the perception
 * gaps largest first, the change since the previous round, the dips and both Next Bigger Challenges.
 * Before the reveal there is nothing to compare: 409 for both sides.
 */
export async function compareRound(input: { db: Db; actor: Actor; roundId: string }): Promise<Comparison> {
  const { db } = input;
  const { round, viewer } = await accessRound({
    ...input,
    action: 'comparison:read',
    resource: 'comparison',
  });
  if (!round.revealed_at)
    throw new AppError('conflict', 'The comparison opens once both the PM and the coach have submitted.');
  // This round and up to three earlier revealed rounds the viewer may see: enough for change and dips.
  const earlier = await db
    .selectFrom('assessment_rounds as r')
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
    .where('r.pm_id', '=', round.pm_id)
    .where('r.revealed_at', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('r.created_at', '<', round.created_at),
        eb.and([eb('r.created_at', '=', round.created_at), eb('r.id', '<', round.id)]),
      ]),
    )
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(DIP_LOOKBACK_ROUNDS)
    .execute();
  const rows: RoundCore[] = [...earlier.filter((r) => canSeeRound(r, viewer)).reverse(), round];
  const rounds = await loadRevealed(db, rows);
  const index = rounds.length - 1;
  const current = rounds[index]!;
  const previous = index > 0 ? rounds[index - 1]! : null;
  const peersVisible = canSeePeerScores(round, viewer);
  const [presented] = await presentRounds(db, [round], viewer, current.assessments);
  const ids = current.assessments.filter((a) => a.side !== 'peer').map((a) => a.id);
  const notes = await areaNotes(db, ids);
  const noteOf = (side: 'self' | 'coach', area: string) =>
    notes.get(current.assessments.find((a) => a.side === side)?.id ?? '')?.[area] ?? null;
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
    change: { self: nullableRound(selfChange[a.key]), coach: nullableRound(coachChange[a.key]) },
  }));
  const nbc = (side: 'self' | 'coach') =>
    current.assessments.find((a) => a.side === side)?.next_bigger_challenge ?? null;
  return {
    round: presented!,
    scale: current.scale,
    areas,
    perceptionGaps: perceptionGaps(areas).map((g) => ({ ...g, difference: round2(g.difference) })),
    peerCount: peersVisible ? current.peerCount : null,
    previousRoundId: previous?.row.id ?? null,
    nextBiggerChallenge: { coach: nbc('coach'), self: nbc('self') },
    dips: dipsFor(rounds, index, notes),
  };
}

const nullableRound = (n: number | null | undefined) => (n === null || n === undefined ? null : round2(n));
