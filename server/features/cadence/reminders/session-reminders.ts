import type { Db } from '../../../db/database.js';
import type { DueDelivery } from '../deliveries/due.js';
import { bigBangReview } from '../coaching-sessions/guards.js';
import { localDay } from '../coaching-sessions/zoned-time.js';
import type { LivePair, PairIndex } from './live-pairs.js';
import { SESSION_WINDOW_MS, clockIn, isoWeek, startsWithinDay } from './reminder-rules.js';

const kindWord = (kind: 'monthly' | 'weekly') => (kind === 'weekly' ? 'Weekly check-in' : 'Coaching session');

/** Both sides of a pair, each with the other side's name (titles name the other person). */
const bothSides = (pair: LivePair) => [
  { recipientId: pair.pmId, other: pair.coachName },
  { recipientId: pair.coachId, other: pair.pmName },
];

/**
 * 'session-tomorrow': a scheduled coaching session of a live pair starting within 24 hours, to
 * the PM and the coach. The start is in the key, so a rescheduled session reminds again. One query.
 */
export async function sessionTomorrowReminders(db: Db, pairs: PairIndex, now: Date): Promise<DueDelivery[]> {
  const sessions = await db
    .selectFrom('coaching_sessions')
    .select(['id', 'pm_id', 'coach_id', 'kind', 'starts_at', 'local_start', 'time_zone'])
    .where('status', '=', 'scheduled')
    .where('starts_at', '>', now.toISOString())
    .where('starts_at', '<=', new Date(now.getTime() + SESSION_WINDOW_MS).toISOString())
    .execute();
  // "today" or "tomorrow" in each recipient's own time zone (the session's when they never chose one).
  const people = [...new Set(sessions.flatMap((s) => [s.pm_id, s.coach_id]))];
  const zones = new Map(
    people.length
      ? (
          await db
            .selectFrom('notification_settings')
            .select(['user_id', 'time_zone'])
            .where('user_id', 'in', people)
            .execute()
        ).map((r) => [r.user_id, r.time_zone])
      : [],
  );
  return sessions.flatMap((s) => {
    const pair = pairs.pairOf(s.pm_id, s.coach_id);
    if (!pair || !startsWithinDay(s.starts_at, now)) return [];
    return bothSides(pair).map(({ recipientId, other }) => {
      const zone = zones.get(recipientId) ?? s.time_zone;
      const day = localDay(s.starts_at, zone) === localDay(now.toISOString(), zone) ? 'today' : 'tomorrow';
      const at = clockIn(s.starts_at, zone);
      return {
        recipientId,
        kind: 'session-tomorrow' as const,
        key: `session-tomorrow:${s.id}:${s.starts_at}:${recipientId}`,
        title: `${kindWord(s.kind)} with ${other} ${day} at ${at}`,
        text: `${kindWord(s.kind)} with ${other} ${day} at ${at} (${zone}). The agenda prepares itself from the plan.`,
        link: `/coaching-sessions/${s.id}`,
      };
    });
  });
}

/**
 * 'session-overdue': the big-bang guard for a live pair (no coaching session held for more than
 * 35 days since the last one, or since the pair began), to both, at most once per ISO week. One query.
 */
export async function sessionOverdueReminders(db: Db, pairs: LivePair[], now: Date): Promise<DueDelivery[]> {
  const lastHeld = await db
    .selectFrom('coaching_sessions')
    .select(['pm_id', 'coach_id', (eb) => eb.fn.max('ended_at').as('last_held_at')])
    .where('status', '=', 'held')
    .groupBy(['pm_id', 'coach_id'])
    .execute();
  const lastOf = new Map(lastHeld.map((r) => [`${r.pm_id}|${r.coach_id}`, r.last_held_at]));
  const week = isoWeek(now);
  return pairs.flatMap((pair) => {
    const guard = bigBangReview({
      now,
      lastHeldAt: lastOf.get(`${pair.pmId}|${pair.coachId}`) ?? null,
      pairSince: pair.since,
    });
    if (!guard) return [];
    return bothSides(pair).map(({ recipientId, other }) => ({
      recipientId,
      kind: 'session-overdue' as const,
      key: `session-overdue:${pair.pairId}:${week}:${recipientId}`,
      title: `Coaching session with ${other} overdue`,
      text: guard.message,
      link: `/pms/${pair.pmId}/coaching-sessions`,
    }));
  });
}
