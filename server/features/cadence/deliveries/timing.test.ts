import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inQuietHours, localMinuteOfDay, maxAttempts, quietUntil, retryDelayMs } from './timing.js';

const min = 60_000;

describe('retry backoff', () => {
  it('waits 1, 5, 30, then 120 minutes, and gives up after 5 attempts', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([1 * min, 5 * min, 30 * min, 120 * min]);
    expect(maxAttempts).toBe(5);
  });
  it('never waits less after more failures', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 50 }), (n) => retryDelayMs(n + 1) >= retryDelayMs(n)));
  });
});

describe('quiet hours', () => {
  const night = { from: '21:00', to: '07:00' };

  it('holds a delivery due at 23:30 in Berlin until 07:00 Berlin time', () => {
    // 22:30 UTC = 23:30 in Berlin (winter, UTC+1); quiet ends 07:00 Berlin = 06:00 UTC.
    const until = quietUntil(new Date('2026-11-26T22:30:00Z'), night, 'Europe/Berlin');
    expect(until?.toISOString()).toBe('2026-11-27T06:00:00.000Z');
  });

  it('lets a delivery go at once outside quiet hours, and when there are none', () => {
    expect(quietUntil(new Date('2026-11-26T12:00:00Z'), night, 'Europe/Berlin')).toBeNull();
    expect(quietUntil(new Date('2026-11-26T23:00:00Z'), null, 'Europe/Berlin')).toBeNull();
  });

  it('reads the time in the person’s zone (New York evening is quiet, Berlin morning is not)', () => {
    const at = new Date('2026-11-27T03:00:00Z'); // 22:00 New York, 04:00 Berlin
    expect(quietUntil(at, { from: '21:00', to: '23:00' }, 'America/New_York')?.toISOString()).toBe(
      '2026-11-27T04:00:00.000Z',
    );
    expect(quietUntil(at, { from: '21:00', to: '23:00' }, 'Europe/Berlin')).toBeNull();
  });

  it('always ends in a moment outside quiet hours, within a day', () => {
    const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'];
    const hhmm = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2026-01-01'), max: new Date('2028-01-01'), noInvalidDate: true }),
        hhmm,
        hhmm,
        fc.constantFrom(...zones),
        (now, from, to, zone) => {
          fc.pre(from !== to);
          const quiet = { from, to };
          const until = quietUntil(now, quiet, zone);
          const inside = inQuietHours(localMinuteOfDay(now, zone), quiet);
          if (!inside) return until === null;
          return (
            until !== null &&
            until > now &&
            until.getTime() - now.getTime() <= 25 * 60 * min &&
            !inQuietHours(localMinuteOfDay(until, zone), quiet)
          );
        },
      ),
    );
  });
});
