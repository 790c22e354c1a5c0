import type { Dip, History } from '../../../common/wheel-rounds.js';
import type { Db } from '../../db/database.js';
import { recordAccess } from '../../privacy/access-log.js';
import type { Actor } from '../../privacy/actor.js';
import { authorize, may } from '../../privacy/authorize.js';
import type { Viewer } from '../../privacy/rules.js';
import { round2, toScale } from '../rounds/scoring.js';
import { DIP_LOOKBACK_ROUNDS } from './dips.js';
import { dipsFor, revealedRoundsVisibleTo, selfNotesOf, type RevealedRound } from './wheel-data.js';

/** Areas in the latest round's order, then areas only older rounds had (named as they were last). */
function historyAreas(rounds: RevealedRound[]) {
  const names = new Map<string, string>();
  for (const r of [...rounds].reverse())
    for (const a of r.content.areas) if (!names.has(a.key)) names.set(a.key, a.name);
  return [...names].map(([key, name]) => ({ key, name }));
}

/** Each area's self, coach and (if visible) peer scores per revealed round, on the latest round's scale. */
export async function wheelHistory(input: { db: Db; actor: Actor; pmId: string }): Promise<History> {
  const grant = await authorize({ ...input, action: 'history:read' });
  const history = await buildHistory(input.db, grant);
  await recordAccess({ db: input.db, grant, resource: 'history' });
  return history;
}

async function buildHistory(db: Db, viewer: Viewer): Promise<History> {
  const rounds = await revealedRoundsVisibleTo(db, viewer);
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
        peers: may(viewer, ['PM shared peer scores'], { round: r.row }) ? on(r, r.peers[key]) : null,
      })),
    })),
  };
}

/** The dips of the PM's latest revealed round: topics for the next conversation (decision 012). */
export async function latestDips(input: { db: Db; actor: Actor; pmId: string }): Promise<Dip[]> {
  const grant = await authorize({ ...input, action: 'dips:read' });
  const dips = await dipsVisibleTo(input.db, grant);
  await recordAccess({ db: input.db, grant, resource: 'dips' });
  return dips;
}

/** The dips of the latest revealed round the viewer may see (logs nothing; the caller does). */
export async function dipsVisibleTo(db: Db, viewer: Viewer): Promise<Dip[]> {
  // The latest round and the three before it are all a dip looks at.
  const rounds = (await revealedRoundsVisibleTo(db, viewer)).slice(-(DIP_LOOKBACK_ROUNDS + 1));
  return dipsFor(rounds, rounds.length - 1, await selfNotesOf(db, rounds.at(-1)));
}
