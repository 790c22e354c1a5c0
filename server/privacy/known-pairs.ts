import type { HistoryPart } from '../../common/history-grants.js';
import type { Actor } from './actor.js';

/** One active pair in which the asker coaches a PM, and what that PM shared of their history. */
export interface KnownPair {
  id: string;
  acceptedAt: string | null;
  historyShared: HistoryPart[];
}

/**
 * "Who is asking and what may they see", read once per request (issue 24): a read's session
 * lookup also reads the asker's active pairs as coach and their history grants (one query), and
 * every authorization of that request answers from them instead of asking the database again.
 * Kept per Actor object (the session middleware makes one per request), so it lives exactly as
 * long as the request. Only reads fill it: a write checks the pairs afresh, inside its transaction.
 */
const known = new WeakMap<Pick<Actor, 'id'>, ReadonlyMap<string, KnownPair>>();

/** Remembers the asker's pairs by PM (the first accepted one per PM, as the database orders them). */
export function rememberPairs(
  actor: Actor,
  rows: readonly {
    pairId: string | null;
    pmId: string | null;
    acceptedAt: string | null;
    part: string | null;
  }[],
): void {
  const pairs = new Map<string, KnownPair>();
  const byId = new Map<string, KnownPair>();
  for (const row of rows) {
    if (!row.pairId || !row.pmId) continue;
    let pair = byId.get(row.pairId);
    if (!pair) {
      pair = { id: row.pairId, acceptedAt: row.acceptedAt, historyShared: [] };
      byId.set(row.pairId, pair);
      if (!pairs.has(row.pmId)) pairs.set(row.pmId, pair);
    }
    if (row.part) pair.historyShared.push(row.part as HistoryPart);
  }
  known.set(actor, pairs);
}

/** The asker's pairs by PM as read with this request's session, or undefined when not read. */
export const knownPairs = (actor: Pick<Actor, 'id'>) => known.get(actor);
