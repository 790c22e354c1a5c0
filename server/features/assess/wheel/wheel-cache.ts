import { sql } from 'kysely';
import type { Comparison, Dip, History } from '../../../../common/wheel-rounds.js';
import type { Db } from '../../../db/database.js';
import type { Viewer } from '../../../privacy/rules.js';
import type { AssessmentRow } from '../rounds/round-queries.js';

/** A round's compared wheel for this viewer, but its presented round (read fresh: names, peer invitations). */
export interface ComparisonParts {
  comparison: Omit<Comparison, 'round'>;
  assessments: AssessmentRow[];
}

/**
 * The derived wheel of a PM as one viewer may see it (decision 045): the whole history and the
 * latest dips, computed once per change and reused. Two guards keep it honest:
 *
 * - **The key is the whole viewer** (every field `authorize()` found out: the PM, the side, who
 *   asks, from when their pairing runs and which parts of the history the PM shared). Two viewers
 *   share an entry only when everything visibility depends on is the same; a coach whose grant
 *   was revoked or whose pair was renewed has another key, so an entry built for a more
 *   privileged viewer is never read by a less privileged one.
 * - **Each read checks a stamp** of the PM's rows that change what a wheel shows (rounds: their
 *   coach, reveal, closing and peer sharing, and how many answers are submitted; submitted
 *   self-checks: sharing and note), read in one small query. A change by any app instance on the
 *   same database shows at the next read; nothing has to remember to invalidate.
 *
 * Bounded: least recently used entries go first past ENTRY_LIMIT entries or WEIGHT_LIMIT
 * characters of cached JSON.
 */
export interface WheelState {
  /** The whole history (every column the viewer may see, oldest first). */
  history: History;
  /** Columns of `history` in date order: what pages are cut from. */
  order: { kind: 'round' | 'self-check'; index: number; id: string }[];
  /** The dips of the latest self-scoring the viewer may see. */
  dips: readonly Dip[];
  /** Compared wheels of revealed rounds, by round id, filled as they are asked for (at most 24). */
  comparisons: Map<string, Promise<ComparisonParts>>;
}

export const ENTRY_LIMIT = 2000;
export const WEIGHT_LIMIT = 64 * 1024 * 1024;

interface Entry {
  stamp: string;
  state: Promise<WheelState>;
  weight: number;
}
interface Cache {
  entries: Map<string, Entry>;
  weight: number;
  /** Reads answered from an entry and entries built, for tests and the bench. */
  hits: number;
  builds: number;
}

const caches = new WeakMap<Db, Cache>();
const cacheOf = (db: Db) => {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = { entries: new Map(), weight: 0, hits: 0, builds: 0 }));
  return cache;
};

// Every field of Viewer, listed so that a field added to Viewer fails to compile here until the
// key covers it: visibility can only depend on what is in the key.
const keyFields: Record<keyof Viewer, (v: Viewer) => unknown> = {
  pmId: (v) => v.pmId,
  side: (v) => v.side,
  actorId: (v) => v.actorId,
  coachSince: (v) => v.coachSince,
  historyShared: (v) => [...(v.historyShared ?? [])].sort(),
};

/** The cache key of a viewer: everything about them that what they may see depends on. */
export const viewerKey = (v: Viewer) => JSON.stringify(Object.values(keyFields).map((field) => field(v)));

interface StampRow {
  pm: string;
  k: string;
  id: string;
  a: string | null;
  b: string | null;
  c: string | null;
  d: string | null;
  e: string | null;
}

/**
 * The stamps of some PMs' wheels, in one query: per round its coach, reveal, closing, peer
 * sharing and the count and latest time of its submitted answers (a submitted answer never
 * changes, its notes and statement scores neither; framework versions are immutable); per
 * submitted self-check its submission, sharing, last change and note. Exact values, not a hash
 * or a maximum: sharing one self-check and unsharing another in the same millisecond still
 * changes the stamp.
 */
export async function wheelStamps(db: Db, pmIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>(pmIds.map((id) => [id, '']));
  for (let i = 0; i < pmIds.length; i += 400) {
    const ids = sql.join(pmIds.slice(i, i + 400));
    const { rows } = await sql<StampRow>`
      select r.pm_id as pm, 'r' as k, r.id as id, r.coach_id as a, r.revealed_at as b,
        r.closed_at as c, cast(r.peers_shared as text) as d,
        cast(count(x.id) as text) || '@' || coalesce(max(x.submitted_at), '') as e
      from assessment_rounds r
      left join assessments x on x.round_id = r.id and x.submitted_at is not null
      where r.pm_id in (${ids})
      group by r.pm_id, r.id, r.coach_id, r.revealed_at, r.closed_at, r.peers_shared
      union all
      select s.pm_id as pm, 's' as k, s.id as id, s.submitted_at as a, s.shared_at as b,
        s.updated_at as c, s.note as d, null as e
      from self_checks s
      where s.pm_id in (${ids}) and s.submitted_at is not null
      order by 1, 2, 3`.execute(db);
    for (const r of rows)
      out.set(r.pm, out.get(r.pm)! + JSON.stringify([r.k, r.id, r.a, r.b, r.c, r.d, r.e]));
  }
  return out;
}

const weightOf = (state: WheelState) =>
  JSON.stringify(state.history).length + JSON.stringify(state.dips).length;

/**
 * The viewer's wheel: from the cache when the PM's stamp is unchanged, else built by `build`
 * (once, however many requests ask at the same moment). The stamp is read BEFORE building, so an
 * entry is never older than its stamp: a change during the build shows at the next read.
 * `stamp` may be given when the caller read several PMs' stamps in one query (the home digest).
 */
export async function cachedWheel(
  db: Db,
  viewer: Viewer,
  build: () => Promise<WheelState>,
  stamp?: string,
): Promise<WheelState> {
  const cache = cacheOf(db);
  const current = stamp ?? (await wheelStamps(db, [viewer.pmId])).get(viewer.pmId)!;
  const key = viewerKey(viewer);
  const hit = cache.entries.get(key);
  if (hit && hit.stamp === current) {
    cache.entries.delete(key);
    cache.entries.set(key, hit);
    cache.hits++;
    return hit.state;
  }
  if (hit) forget(cache, key, hit);
  const entry: Entry = { stamp: current, state: build(), weight: 0 };
  cache.entries.set(key, entry);
  cache.builds++;
  try {
    const state = await entry.state;
    if (cache.entries.get(key) === entry) {
      entry.weight = weightOf(state);
      cache.weight += entry.weight;
      for (const [oldKey, old] of cache.entries) {
        if (cache.entries.size <= ENTRY_LIMIT && cache.weight <= WEIGHT_LIMIT) break;
        if (old !== entry) forget(cache, oldKey, old);
      }
    }
    return state;
  } catch (error) {
    if (cache.entries.get(key) === entry) cache.entries.delete(key);
    throw error;
  }
}

function forget(cache: Cache, key: string, entry: Entry) {
  cache.entries.delete(key);
  cache.weight -= entry.weight;
}

/**
 * Drops every entry about a person or read by them (an erased account): nothing of an erased
 * person stays in this process's memory either. Other instances drop theirs as the LRU turns over;
 * their stamps changed with the erasure, so none is ever served again.
 */
export function forgetPerson(db: Db, personId: string) {
  const cache = cacheOf(db);
  for (const [key, entry] of cache.entries) {
    const [pmId, , actorId] = JSON.parse(key) as unknown[];
    if (pmId === personId || actorId === personId) forget(cache, key, entry);
  }
}

/** What the cache holds for a database (tests: a hit is a read that built nothing). */
export const wheelCacheStats = (db: Db) => {
  const { entries, weight, hits, builds } = cacheOf(db);
  return { entries: entries.size, weight, hits, builds };
};
