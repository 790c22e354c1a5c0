import type { NudgeFrequency } from '../../../../common/nudges.js';
import { localDay, zonedToUtc } from '../coaching-sessions/zoned-time.js';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a "YYYY-MM-DD". */
const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
const dayOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The ISO weekday of a "YYYY-MM-DD": 1 Monday … 7 Sunday. */
export const isoWeekday = (day: string) => ((((dayNumber(day) + 3) % 7) + 7) % 7) + 1;

/** The Monday of the ISO week a "YYYY-MM-DD" falls in. */
export const mondayOf = (day: string) => dayOf(dayNumber(day) - isoWeekday(day) + 1);

/** The ISO week of a "YYYY-MM-DD", e.g. "2026-W48" (the year is the week's Thursday's). */
export function isoWeek(day: string): string {
  const thursday = dayOf(dayNumber(mondayOf(day)) + 3);
  const year = thursday.slice(0, 4);
  const week = Math.floor((dayNumber(thursday) - dayNumber(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The period a nudge sent at `now` counts in, by the PM's frequency, in their time zone: their
 * local day for 'daily' ("d:2026-11-26"), their ISO week for 'weekly' ("w:2026-W48"). One nudge
 * per coach and period is a unique index. Null while paused (nothing is welcome).
 */
export function nudgePeriod(frequency: NudgeFrequency, now: Date, timeZone: string): string | null {
  const day = localDay(now.toISOString(), timeZone);
  if (frequency === 'daily') return `d:${day}`;
  if (frequency === 'weekly') return `w:${isoWeek(day)}`;
  return null;
}

/** When the period after the one of `now` begins (the next local midnight, or next Monday's), as an ISO instant. */
export function nextPeriodStart(frequency: NudgeFrequency, now: Date, timeZone: string): string | null {
  const day = localDay(now.toISOString(), timeZone);
  if (frequency === 'paused') return null;
  const next = frequency === 'daily' ? dayNumber(day) + 1 : dayNumber(mondayOf(day)) + 7;
  return zonedToUtc(`${dayOf(next)}T00:00`, timeZone);
}

/** "YYYY-MM-DD" plus `days`. */
export const addDays = (day: string, days: number) => dayOf(dayNumber(day) + days);
