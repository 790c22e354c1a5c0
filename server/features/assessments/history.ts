import type { Dip, History } from '../../../common/wheel-rounds.js';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../privacy/actor.js';
import { accessPm } from './round-access.js';
import { canSeePeerScores, canSeeRound, type Viewer } from './round-policy.js';
import { round2, toScale } from './scoring.js';
import { DIP_LOOKBACK_ROUNDS } from './dips.js';
import { dipsFor, revealedRoundsOfPm, selfNotesOf, type RevealedRound } from './wheel-data.js';

/** The revealed rounds of a PM the viewer may see, oldest first. */
async function visibleRevealed(db: Db, pmId: string, viewer: Viewer): Promise<RevealedRound[]> {
  return (await revealedRoundsOfPm(db, pmId)).filter((r) => canSeeRound(r.row, viewer));
}

/** Areas in the latest round's order, then areas only older rounds had (named as they were last). */
function historyAreas(rounds: RevealedRound[]) {
  const names = new Map<string, string>();
  for (const r of [...rounds].reverse())
    for (const a of r.content.areas) if (!names.has(a.key)) names.set(a.key, a.name);
  return [...names].map(([key, name]) => ({ key, name }));
}

/** Each area's self, coach and (if visible) peer scores per revealed round, on the latest round's scale. */
export async function wheelHistory(input: { db: Db; actor: Actor; pmId: string }): Promise<History> {
  const viewer = await accessPm({ ...input, action: 'history:read', resource: 'history' });
  const rounds = await visibleRevealed(input.db, input.pmId, viewer);
  const latest = rounds.at(-1);
  if (!latest) return { scale: null, rounds: [], areas: [] };
  const on = (r: RevealedRound, v: number | undefined) =>
    v === undefined ? null : round2(toScale(v, r.scale, latest.scale));
  return {
    scale: latest.scale,
    rounds: rounds.map((r) => ({
      id: r.row.id,
      title: r.row.title,
      createdAt: r.row.created_at,
      revealedAt: r.row.revealed_at!,
    })),
    areas: historyAreas(rounds).map(({ key, name }) => ({
      key,
      name,
      points: rounds.map((r) => ({
        roundId: r.row.id,
        self: on(r, r.self[key]),
        coach: on(r, r.coach[key]),
        peers: canSeePeerScores(r.row, viewer) ? on(r, r.peers[key]) : null,
      })),
    })),
  };
}

/** The dips of the PM's latest revealed round: topics for the next conversation (decision 012). */
export async function latestDips(input: { db: Db; actor: Actor; pmId: string }): Promise<Dip[]> {
  const viewer = await accessPm({ ...input, action: 'dips:read', resource: 'dips' });
  // The latest round and the three before it are all a dip looks at.
  const rounds = (await visibleRevealed(input.db, input.pmId, viewer)).slice(-(DIP_LOOKBACK_ROUNDS + 1));
  return dipsFor(rounds, rounds.length - 1, await selfNotesOf(input.db, rounds.at(-1)));
}
