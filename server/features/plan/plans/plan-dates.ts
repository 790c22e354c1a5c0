/** Dates of a plan: its default period and when a quarterly refresh is due. */

export const REFRESH_AFTER_DAYS = 90;
const DAY_MS = 86_400_000;

/** Today as a calendar date (UTC), e.g. 2025-03-12. */
export const today = (now = new Date()) => now.toISOString().slice(0, 10);

/** The same day `months` later; the last day of the month when that day does not exist. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The default plan period: from today, six months long. */
export function defaultPeriod(now = new Date()) {
  const start = today(now);
  return { start, end: addMonths(start, 6) };
}

/** A refresh is due a quarter after the version started. */
export const refreshDueAt = (startedAt: string) =>
  new Date(Date.parse(startedAt) + REFRESH_AFTER_DAYS * DAY_MS).toISOString();

export const isRefreshDue = (startedAt: string, now = new Date()) =>
  Date.parse(refreshDueAt(startedAt)) <= now.getTime();
