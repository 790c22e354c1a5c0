import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDay } from '../coaching-sessions/zoned-time.js';
import { isoWeek, isoWeekday, mondayOf, nextPeriodStart, nudgePeriod } from './periods.js';

const zones = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'Pacific/Auckland',
  'Pacific/Kiritimati',
];
const instant = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2060-12-31T00:00:00Z'),
  noInvalidDate: true,
});
const zone = fc.constantFrom(...zones);

describe('ISO weeks', () => {
  it('knows the edges of the calendar', () => {
    expect(isoWeek('2026-11-26')).toBe('2026-W48');
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(isoWeek('2027-01-01')).toBe('2026-W53'); // a Friday: still 2026's last week
    expect(isoWeek('2024-12-30')).toBe('2025-W01'); // a Monday: already 2025's first week
    expect(isoWeekday('2026-11-30')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
  });

  it('the seven days from a Monday share a week, and the next Monday starts another', () => {
    fc.assert(
      fc.property(instant, (d) => {
        const monday = mondayOf(d.toISOString().slice(0, 10));
        const base = Date.parse(`${monday}T00:00:00Z`);
        const days = Array.from({ length: 8 }, (_, i) =>
          new Date(base + i * 86_400_000).toISOString().slice(0, 10),
        );
        const weeks = days.map(isoWeek);
        expect(new Set(weeks.slice(0, 7)).size).toBe(1);
        expect(weeks[7]).not.toBe(weeks[0]);
        expect(weeks[0]).toMatch(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/);
      }),
    );
  });
});

describe('nudge periods', () => {
  it('paused has no period and no next start', () => {
    fc.assert(
      fc.property(instant, zone, (d, tz) => {
        expect(nudgePeriod('paused', d, tz)).toBeNull();
        expect(nextPeriodStart('paused', d, tz)).toBeNull();
      }),
    );
  });

  it('the next period starts after now, and is a different period; just before it, still this one', () => {
    fc.assert(
      fc.property(instant, zone, fc.constantFrom('daily' as const, 'weekly' as const), (d, tz, f) => {
        const next = nextPeriodStart(f, d, tz)!;
        const at = Date.parse(next);
        expect(at).toBeGreaterThan(d.getTime());
        // At most a day (daily) or a week (weekly) away, give or take a DST hour.
        expect(at - d.getTime()).toBeLessThanOrEqual((f === 'daily' ? 1 : 7) * 86_400_000 + 3_600_000);
        expect(nudgePeriod(f, new Date(at), tz)).not.toBe(nudgePeriod(f, d, tz));
        expect(nudgePeriod(f, new Date(at - 1000), tz)).toBe(nudgePeriod(f, d, tz));
        // It begins at local midnight (a Monday for weekly).
        expect(localDay(next, tz)).not.toBe(localDay(new Date(at - 1000).toISOString(), tz));
        if (f === 'weekly') expect(isoWeekday(localDay(next, tz))).toBe(1);
      }),
    );
  });

  it('counts in the PM’s time zone, not the server’s', () => {
    // Sunday 23:30 UTC is already Monday in Berlin: a new week there, the old one in UTC.
    const d = new Date('2026-11-29T23:30:00Z');
    expect(nudgePeriod('weekly', d, 'UTC')).toBe('w:2026-W48');
    expect(nudgePeriod('weekly', d, 'Europe/Berlin')).toBe('w:2026-W49');
    expect(nudgePeriod('daily', d, 'America/New_York')).toBe('d:2026-11-29');
  });
});
