import type { Db } from '../../../db/database.js';
import { may } from '../../../privacy/authorize.js';
import type { DueDelivery } from '../deliveries/due.js';
import type { PairIndex } from '../reminders/live-pairs.js';
import { bothSides } from './viewers.js';
import { windowStart } from './window.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * 'session-next-steps': a coaching session that ended with next steps, to both of its people,
 * once each. One query. The steps' words stay in the app.
 */
export async function nextStepNotices(db: Db, pairs: PairIndex, now: Date): Promise<DueDelivery[]> {
  const sessions = await db
    .selectFrom('coaching_sessions')
    .select(['id', 'pm_id', 'coach_id', 'kind', 'created_at', 'next_steps'])
    .where('status', '=', 'held')
    .where('ended_at', '>', windowStart(now))
    .where('next_steps', '>', 0)
    .execute();
  return sessions.flatMap((s) => {
    const pair = pairs.pairOf(s.pm_id, s.coach_id);
    if (!pair) return [];
    const what = s.kind === 'weekly' ? 'weekly check-in' : 'coaching session';
    return bothSides(pair)
      .filter((side) => may(side.viewer, 'coaching-session:read', { coachingSession: s }))
      .map((side) => ({
        recipientId: side.recipientId,
        kind: 'session-next-steps' as const,
        key: `session-next-steps:${s.id}:${side.recipientId}`,
        title: `Next steps from your ${what} with ${side.other}`,
        text: `Your ${what} with ${side.other} ended with ${plural(s.next_steps ?? 0, 'next step')}. They are on the session page and in the plan.`,
        link: `/coaching-sessions/${s.id}`,
      }));
  });
}
