import type { FrameworkContent, Scale } from '../../../../common/wheel.js';
import { withCurrentAreaNames } from './dip-names.js';
import type { Dip, History, HistoryPoint } from '../../../../common/wheel-rounds.js';
import type { Db } from '../../../db/database.js';
import { recordAccess } from '../../../privacy/access-log.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorize, may } from '../../../privacy/authorize.js';
import type { Viewer } from '../../../privacy/rules.js';
import { round2, toScale } from '../rounds/scoring.js';
import { AppError } from '../../../http/errors.js';
import { dipsAt, selfSeriesVisibleTo } from './self-series.js';
import { cachedWheel, type WheelState } from './wheel-cache.js';
import { revealedRoundsVisibleTo } from './wheel-data.js';

/** Columns (rounds and self-checks together) in one page of history: about a phone's screenful. */
export const HISTORY_PAGE = 12;

/** Areas in the latest version's order, then areas only older ones had (named as they were last). */
function historyAreas(contents: FrameworkContent[]) {
  const names = new Map<string, string>();
  for (const c of [...contents].reverse())
    for (const a of c.areas) if (!names.has(a.key)) names.set(a.key, a.name);
  return [...names].map(([key, name]) => ({ key, name }));
}

/**
 * Each area's scores over time, on the latest scale: per round the viewer may see (revealed, and
 * for the PM also their own submitted self side before the reveal) the self, coach and (if
 * visible) peer scores; per self-check the viewer may see (the PM all, a coach the shared ones)
 * the self-score, as entries of their own.
 */
export async function wheelHistory(input: {
  db: Db;
  actor: Actor;
  pmId: string;
  before?: string;
}): Promise<History> {
  const grant = await authorize({ ...input, action: 'history:read' });
  const history = pageOf(await wheelStateFor(input.db, grant), input.before);
  await recordAccess({ db: input.db, grant, resource: 'history' });
  return history;
}

/**
 * The viewer's derived wheel (history and latest dips), from the cache while the PM's wheel is
 * unchanged (wheel-cache.ts). `stamp`: the PM's stamp when the caller read it already.
 */
export const wheelStateFor = (db: Db, viewer: Viewer, stamp?: string) =>
  cachedWheel(db, viewer, () => buildWheelState(db, viewer), stamp);

async function buildWheelState(db: Db, viewer: Viewer): Promise<WheelState> {
  const revealed = await revealedRoundsVisibleTo(db, viewer);
  const series = await selfSeriesVisibleTo(db, viewer);
  const history = buildHistory(viewer, revealed, series);
  // Columns in date order, as the page shows them (a stable sort: rounds first on a tie).
  const order = [
    ...history.rounds.map((r, index) => ({ kind: 'round' as const, index, id: r.id, at: r.createdAt })),
    ...history.selfChecks.map((c, index) => ({
      kind: 'self-check' as const,
      index,
      id: c.id,
      at: c.submittedAt,
    })),
  ]
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
    .map(({ kind, index, id }) => ({ kind, index, id }));
  const dips = dipsAt(series, series.length - 1).map((d) => Object.freeze(d));
  return { history, order, dips: Object.freeze(dips), comparisons: new Map() };
}

/**
 * One page of the history: the latest HISTORY_PAGE columns before `before` (a column id from the
 * previous page's `earlierCursor`), with how many earlier ones there are. An unknown cursor (the
 * history changed, or never had it) is a 400 whatever the reason, so it tells nobody what exists.
 */
export function pageOf(state: WheelState, before?: string): History {
  const { history, order } = state;
  let end = order.length;
  if (before !== undefined) {
    end = order.findIndex((c) => c.id === before);
    if (end < 0)
      throw new AppError('validation_failed', 'before: that point of the history is gone; reload the page.');
  }
  const start = Math.max(0, end - HISTORY_PAGE);
  const page = order.slice(start, end);
  const rounds = page.filter((c) => c.kind === 'round').map((c) => c.index);
  const checks = page.filter((c) => c.kind === 'self-check').map((c) => c.index);
  return {
    scale: history.scale,
    rounds: rounds.map((i) => history.rounds[i]!),
    selfChecks: checks.map((i) => history.selfChecks[i]!),
    areas: history.areas.map((a) => ({
      key: a.key,
      name: a.name,
      points: rounds.map((i) => a.points[i]!),
      selfCheckPoints: checks.map((i) => a.selfCheckPoints[i]!),
    })),
    earlier: start,
    earlierCursor: start > 0 ? page[0]!.id : null,
  };
}

type Revealed = Awaited<ReturnType<typeof revealedRoundsVisibleTo>>;
type Series = Awaited<ReturnType<typeof selfSeriesVisibleTo>>;

function buildHistory(viewer: Viewer, revealed: Revealed, series: Series): History {
  const revealedIds = new Set(revealed.map((r) => r.row.id));
  // The PM's own submitted self side of a round not revealed yet: theirs to see at once.
  const ownOpen = series.filter((p) => p.source === 'round' && !revealedIds.has(p.id));
  const checks = series.filter((p) => p.source === 'self-check');
  const latestScale = series.at(-1)?.scale ?? revealed.at(-1)?.scale;
  if (!latestScale)
    return { scale: null, rounds: [], selfChecks: [], areas: [], earlier: 0, earlierCursor: null };
  const on = (scale: Scale, v: number | undefined) =>
    v === undefined ? null : round2(toScale(v, scale, latestScale));
  type Column = { id: string; title: string; createdAt: string; revealedAt: string | null; at: string };
  const columns: (Column & { point: (key: string) => HistoryPoint })[] = [
    ...revealed.map((r) => ({
      id: r.row.id,
      title: r.row.title,
      createdAt: r.row.created_at,
      revealedAt: r.row.revealed_at,
      at: r.row.created_at,
      point: (key: string) => ({
        roundId: r.row.id,
        self: on(r.scale, r.self[key]),
        coach: on(r.scale, r.coach[key]),
        peers: may(viewer, 'peer-scores:see', { round: r.row }) ? on(r.scale, r.peers[key]) : null,
      }),
    })),
    ...ownOpen.map((p) => ({
      id: p.id,
      title: p.title,
      createdAt: p.createdAt,
      revealedAt: null,
      at: p.createdAt,
      point: (key: string) => ({ roundId: p.id, self: on(p.scale, p.areas[key]), coach: null, peers: null }),
    })),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const contents = [...revealed.map((r) => ({ at: r.row.created_at, content: r.content })), ...series]
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
    .map((x) => x.content);
  return {
    scale: latestScale,
    rounds: columns.map(({ id, title, createdAt, revealedAt }) => ({ id, title, createdAt, revealedAt })),
    selfChecks: checks.map((c) => ({ id: c.id, submittedAt: c.at, sharedAt: c.sharedAt })),
    areas: historyAreas(contents).map(({ key, name }) => ({
      key,
      name,
      points: columns.map((c) => c.point(key)),
      selfCheckPoints: checks.map((c) => ({ selfCheckId: c.id, self: on(c.scale, c.areas[key]) })),
    })),
    earlier: 0,
    earlierCursor: null,
  };
}

/** The dips of the PM's latest self-scoring the viewer may see: topics for the next conversation (decision 035). */
export async function latestDips(input: { db: Db; actor: Actor; pmId: string }): Promise<Dip[]> {
  const grant = await authorize({ ...input, action: 'dips:read' });
  const dips = await dipsVisibleTo(input.db, grant);
  await recordAccess({ db: input.db, grant, resource: 'dips' });
  return dips;
}

/**
 * The dips of the latest self-scoring the viewer may see (logs nothing; the caller does): for the
 * PM their latest submitted self side or self-check; for a coach the latest revealed round or
 * shared self-check. An unshared self-check never reaches a coach, here or in any caller.
 */
export const dipsVisibleTo = async (db: Db, viewer: Viewer): Promise<Dip[]> =>
  (await withCurrentAreaNames(db, [await cachedDips(db, viewer)]))[0]!;

/** The same dips as the cached wheel names them (the round's words); the home renames many at once. */
export const cachedDips = async (db: Db, viewer: Viewer, stamp?: string): Promise<Dip[]> => [
  ...(await wheelStateFor(db, viewer, stamp)).dips,
];
