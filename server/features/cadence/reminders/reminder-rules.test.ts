import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOUR_MS, isoWeek, startsWithinDay, todayAndTomorrow } from './reminder-rules.js';

const instant = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2100-01-01T00:00:00Z'),
  noInvalidDate: true,
});

describe('the 24-hour window of a session reminder', () => {
  it('includes exactly the starts after now and at most 24 hours ahead', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -48 * 60, max: 48 * 60 }), (now, minutes) => {
        const startsAt = new Date(now.getTime() + minutes * 60_000).toISOString();
        expect(startsWithinDay(startsAt, now)).toBe(minutes > 0 && minutes <= 24 * 60);
      }),
    );
  });

  it('treats the edges as stated: 24 h ahead is in, 24 h and a millisecond is out, now is out', () => {
    const now = new Date('2026-10-24T10:00:00Z');
    expect(startsWithinDay(new Date(now.getTime() + 24 * HOUR_MS).toISOString(), now)).toBe(true);
    expect(startsWithinDay(new Date(now.getTime() + 24 * HOUR_MS + 1).toISOString(), now)).toBe(false);
    expect(startsWithinDay(now.toISOString(), now)).toBe(false);
  });
});

describe('the ISO week of the weekly overdue reminder', () => {
  it('knows the years where week 1 starts in December or week 53 runs into January', () => {
    expect(isoWeek(new Date('2026-11-26T03:00:00Z'))).toBe('2026-W48');
    expect(isoWeek(new Date('2024-12-30T00:00:00Z'))).toBe('2025-W01');
    expect(isoWeek(new Date('2021-01-03T23:59:59Z'))).toBe('2020-W53');
    expect(isoWeek(new Date('2021-01-04T00:00:00Z'))).toBe('2021-W01');
  });

  it('is the same from Monday to Sunday and changes exactly on Monday 00:00 UTC', () => {
    fc.assert(
      fc.property(instant, (now) => {
        const weekday = now.getUTCDay() || 7;
        const monday =
          Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (weekday - 1) * 24 * HOUR_MS;
        expect(isoWeek(new Date(monday))).toBe(isoWeek(now));
        expect(isoWeek(new Date(monday + 7 * 24 * HOUR_MS - 1))).toBe(isoWeek(now));
        expect(isoWeek(new Date(monday - 1))).not.toBe(isoWeek(now));
        expect(isoWeek(new Date(monday + 7 * 24 * HOUR_MS))).not.toBe(isoWeek(now));
      }),
    );
  });

  it('yields at most one key per 7 days of a long overdue stretch', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 400 }), (start, days) => {
        const weeks = new Set<string>();
        for (let d = 0; d < days; d++) weeks.add(isoWeek(new Date(start.getTime() + d * 24 * HOUR_MS)));
        expect(weeks.size).toBeLessThanOrEqual(Math.ceil(days / 7) + 1);
        expect(weeks.size).toBeGreaterThanOrEqual(Math.floor(days / 7));
      }),
    );
  });
});

describe('the days an action reminder covers', () => {
  it('are today and the next calendar day (UTC), across month and year ends', () => {
    expect(todayAndTomorrow(new Date('2026-12-31T23:30:00Z'))).toEqual(['2026-12-31', '2027-01-01']);
    expect(todayAndTomorrow(new Date('2028-02-28T00:00:00Z'))).toEqual(['2028-02-28', '2028-02-29']);
  });

  it('are the PM’s own today and tomorrow in their time zone, across the date line and DST', () => {
    // 23:30 UTC on New Year's Eve is already New Year's Day in Auckland, and still the 31st in Los Angeles.
    const eve = new Date('2026-12-31T23:30:00Z');
    expect(todayAndTomorrow(eve, 'Pacific/Auckland')).toEqual(['2027-01-01', '2027-01-02']);
    expect(todayAndTomorrow(eve, 'America/Los_Angeles')).toEqual(['2026-12-31', '2027-01-01']);
    // 00:30 UTC on 1 March is still 28 February in New York.
    expect(todayAndTomorrow(new Date('2027-03-01T00:30:00Z'), 'America/New_York')).toEqual([
      '2027-02-28',
      '2027-03-01',
    ]);
    // The night Berlin moves its clocks forward: 22:30 UTC on 28 March 2026 is 23:30 local, still the 28th.
    expect(todayAndTomorrow(new Date('2026-03-28T22:30:00Z'), 'Europe/Berlin')).toEqual([
      '2026-03-28',
      '2026-03-29',
    ]);
    expect(todayAndTomorrow(new Date('2026-03-28T23:30:00Z'), 'Europe/Berlin')).toEqual([
      '2026-03-29',
      '2026-03-30',
    ]);
  });
});
