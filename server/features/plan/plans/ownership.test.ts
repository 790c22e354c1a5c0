import { describe, expect, it } from 'vitest';
import { planOwnership } from './ownership.js';

const item = (origin: 'pm' | 'coach') => ({ attribution: { origin } });
const theme = (origin: 'pm' | 'coach', ...actions: ('pm' | 'coach')[]) => ({
  ...item(origin),
  actions: actions.map(item),
});

describe('plan ownership', () => {
  it('counts themes and actions by who wrote them', () => {
    expect(planOwnership([theme('pm', 'pm', 'coach'), theme('coach', 'pm')])).toEqual({
      total: 5,
      byPm: 3,
      fromCoach: 2,
      coachShare: 0.4,
      manyFromCoach: false,
    });
  });

  it('flags a plan when more than half came from the coach', () => {
    expect(planOwnership([theme('coach', 'coach', 'pm')]).manyFromCoach).toBe(true);
    expect(planOwnership([theme('coach', 'pm')]).manyFromCoach).toBe(false);
  });

  it('is calm about an empty plan', () => {
    expect(planOwnership([])).toEqual({
      total: 0,
      byPm: 0,
      fromCoach: 0,
      coachShare: 0,
      manyFromCoach: false,
    });
  });
});
