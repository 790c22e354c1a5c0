import type { QuietHours } from '../../../../common/deliveries.js';

/** A failed outside delivery is tried at most this many times, then shown as failed. */
export const maxAttempts = 5;

const retryMinutes = [1, 5, 30, 120];

/** How long to wait after the `attempts`-th failure (1, 5, 30, 120 minutes). */
export function retryDelayMs(attempts: number): number {
  const i = Math.min(Math.max(attempts, 1), retryMinutes.length) - 1;
  return retryMinutes[i]! * 60_000;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The wall-clock minute of the day (0–1439) at `now` in `timeZone`. */
export function localMinuteOfDay(now: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
  return (hour % 24) * 60 + minute;
}

/** Whether a minute of the day falls in quiet hours [from, to) (which may span midnight). */
export function inQuietHours(minute: number, quiet: QuietHours): boolean {
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

/**
 * When a delivery due at `now` may go out: null when now is outside the person's quiet hours,
 * else the moment they end (in their time zone; a daylight-saving jump is checked again).
 */
export function quietUntil(now: Date, quiet: QuietHours | null, timeZone: string): Date | null {
  if (!quiet) return null;
  let at = now;
  for (let step = 0; step < 3; step++) {
    const minute = localMinuteOfDay(at, timeZone);
    if (!inQuietHours(minute, quiet)) return step === 0 ? null : at;
    const wait = (minutesOf(quiet.to) - minute + 1440) % 1440 || 1440;
    const startOfMinute = Math.floor(at.getTime() / 60_000) * 60_000;
    at = new Date(startOfMinute + wait * 60_000);
  }
  return at;
}
