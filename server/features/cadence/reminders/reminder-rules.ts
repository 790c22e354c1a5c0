/** The edges of the reminder rules, as pure functions (unit-tested with fast-check). */
import { localDay } from '../coaching-sessions/zoned-time.js';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** A coaching session is "tomorrow" when it starts after now and at most 24 hours from now. */
export const SESSION_WINDOW_MS = 24 * HOUR_MS;
/** A round waits on the other side once one side submitted more than two days ago. */
export const ROUND_WAIT_MS = 2 * DAY_MS;
/** An invitation is "about to expire" in its last 48 hours. */
export const INVITATION_WARNING_MS = 48 * HOUR_MS;
/**
 * How long after falling due a once-only reminder (refresh, revisit, round waiting) is still
 * produced. The outbox stores each key once, so any sweep in these two weeks sends it; bounding
 * it keeps each sweep's output to what fell due recently, not everything ever left undone.
 */
export const CATCH_UP_MS = 14 * DAY_MS;

/** When the 'session-tomorrow' reminder of a session falls due: a day before it starts. */
export const sessionReminderAt = (startsAt: string) => new Date(Date.parse(startsAt) - SESSION_WINDOW_MS);

export const startsWithinDay = (startsAt: string, now: Date) =>
  now.getTime() >= sessionReminderAt(startsAt).getTime() && now.getTime() < Date.parse(startsAt);

/** The PM's local days on which an action due on `dueOn` is reminded: the day before, and the day itself. */
export const actionReminderDays = (dueOn: string): [string, string] => [
  new Date(Date.parse(`${dueOn}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10),
  dueOn,
];

/** The ISO-8601 week of an instant (UTC), e.g. 2026-W48: the period of the weekly overdue reminder. */
export function isoWeek(now: Date): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const weekday = day.getUTCDay() || 7; // Monday 1 … Sunday 7
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday of this week names its year
  const year = day.getUTCFullYear();
  const week = Math.ceil(((day.getTime() - Date.UTC(year, 0, 1)) / DAY_MS + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The calendar date of an instant in a time zone, and the date after it (actions are due on a
 * date, and a PM's "today" is their own).
 */
export function todayAndTomorrow(now: Date, timeZone = 'UTC'): [string, string] {
  const today = localDay(now.toISOString(), timeZone);
  return [today, new Date(Date.parse(`${today}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10)];
}

/** The UTC calendar date of an ISO instant. */
export const dateOf = (iso: string) => iso.slice(0, 10);

/** "10:00" from a stored local start "2026-12-03T10:00". */
export const clockOf = (localStart: string) => localStart.slice(11, 16);

/** The wall-clock "HH:mm" of an instant in a time zone. */
export const clockIn = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );
