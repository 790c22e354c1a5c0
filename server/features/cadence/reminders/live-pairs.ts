import type { Db } from '../../../db/database.js';

/** One live (active) pair with the names reminders carry. */
export interface LivePair {
  pairId: string;
  pmId: string;
  pmName: string;
  coachId: string;
  coachName: string;
  since: string | null;
}

/** Every live pair of every workspace, in one query: reminders go to live pairs only. */
export async function livePairs(db: Db): Promise<LivePair[]> {
  const rows = await db
    .selectFrom('pairs')
    .innerJoin('users as pm', 'pm.id', 'pairs.pm_id')
    .innerJoin('users as coach', 'coach.id', 'pairs.coach_id')
    .select([
      'pairs.id as pairId',
      'pairs.pm_id as pmId',
      'pm.name as pmName',
      'pairs.coach_id as coachId',
      'coach.name as coachName',
      'pairs.accepted_at as since',
    ])
    .where('pairs.status', '=', 'active')
    .execute();
  return rows;
}

/** Live pairs looked up by PM, and by PM and coach together. */
export function indexPairs(pairs: LivePair[]) {
  const byPm = new Map<string, LivePair[]>();
  const byPmAndCoach = new Map<string, LivePair>();
  for (const p of pairs) {
    byPm.set(p.pmId, [...(byPm.get(p.pmId) ?? []), p]);
    byPmAndCoach.set(`${p.pmId}|${p.coachId}`, p);
  }
  return { byPm, pairOf: (pmId: string, coachId: string) => byPmAndCoach.get(`${pmId}|${coachId}`) };
}

export type PairIndex = ReturnType<typeof indexPairs>;
