import { describe, expect, it } from 'vitest';
import { addMonths, defaultPeriod, isRefreshDue, refreshDueAt } from './plan-dates.js';

describe('plan dates', () => {
  it('default to six months from today', () => {
    expect(defaultPeriod(new Date('2025-03-12T15:00:00Z'))).toEqual({
      start: '2025-03-12',
      end: '2025-09-12',
    });
  });

  it('keep to the last day of a shorter month', () => {
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2025-10-15', 3)).toBe('2026-01-15');
  });

  it('make a refresh due a quarter (90 days) after the version started', () => {
    expect(refreshDueAt('2025-01-01T10:00:00.000Z')).toBe('2025-04-01T10:00:00.000Z');
    expect(isRefreshDue('2025-01-01T10:00:00.000Z', new Date('2025-04-01T09:59:59Z'))).toBe(false);
    expect(isRefreshDue('2025-01-01T10:00:00.000Z', new Date('2025-04-01T10:00:00Z'))).toBe(true);
  });
});
