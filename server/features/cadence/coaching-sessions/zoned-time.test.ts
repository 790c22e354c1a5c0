import { describe, expect, it } from 'vitest';
import { localDay, zonedToUtc } from './zoned-time.js';

describe('zoned time', () => {
  it('turns a local date-time in a zone into the UTC instant, across daylight saving', () => {
    expect(zonedToUtc('2026-01-15T14:30', 'Europe/Berlin')).toBe('2026-01-15T13:30:00.000Z');
    expect(zonedToUtc('2026-07-15T14:30', 'Europe/Berlin')).toBe('2026-07-15T12:30:00.000Z');
    expect(zonedToUtc('2026-07-15T09:00', 'America/New_York')).toBe('2026-07-15T13:00:00.000Z');
    expect(zonedToUtc('2026-07-15T09:00', 'UTC')).toBe('2026-07-15T09:00:00.000Z');
  });

  it('reads the local day of an instant', () => {
    expect(localDay('2026-07-15T23:30:00.000Z', 'Europe/Berlin')).toBe('2026-07-16');
    expect(localDay('2026-07-15T03:30:00.000Z', 'America/Los_Angeles')).toBe('2026-07-14');
  });
});
