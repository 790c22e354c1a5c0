import { describe, expect, test } from 'vitest';
import { fromNow } from './format';

describe('fromNow', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');
  test('says days for an invitation that expires in a week, hours within a day', () => {
    expect(fromNow('2026-03-08T12:00:00Z', now)).toMatch(/7 days/);
    expect(fromNow('2026-03-01T15:00:00Z', now)).toMatch(/3 hours/);
  });
});
