import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeSince, perceptionGaps } from './gaps.js';

describe('perceptionGaps', () => {
  it('puts the largest gap first and says which side rates higher', () => {
    const gaps = perceptionGaps([
      { key: 'team', name: 'Team', self: 8, coach: 5 },
      { key: 'planning', name: 'Planning', self: 4, coach: 8 },
      { key: 'agile', name: 'Agile', self: 6, coach: 6 },
    ]);
    expect(gaps.map((g) => [g.areaKey, g.higher, g.difference])).toEqual([
      ['planning', 'coach', -4],
      ['team', 'self', 3],
      ['agile', 'same', 0],
    ]);
  });

  it('is sorted by size, keeps every area once, and its sign matches who rates higher', () => {
    const area = fc.record({
      self: fc.double({ min: 1, max: 10, noNaN: true }),
      coach: fc.double({ min: 1, max: 10, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(area, { maxLength: 16 }), (raw) => {
        const areas = raw.map((a, i) => ({ ...a, key: `a${i}`, name: `Area ${i}` }));
        const gaps = perceptionGaps(areas);
        expect(gaps.map((g) => g.areaKey).sort()).toEqual(areas.map((a) => a.key).sort());
        gaps
          .slice(1)
          .forEach((g, i) =>
            expect(Math.abs(g.difference)).toBeLessThanOrEqual(Math.abs(gaps[i]!.difference)),
          );
        for (const g of gaps) {
          if (g.higher === 'self') expect(g.self).toBeGreaterThan(g.coach);
          if (g.higher === 'coach') expect(g.coach).toBeGreaterThan(g.self);
        }
      }),
    );
  });
});

describe('changeSince', () => {
  it('gives the difference per area, and null for an area the earlier round did not have', () => {
    expect(changeSince({ team: 7, agile: 5 }, { team: 5 })).toEqual({ team: 2, agile: null });
    expect(changeSince({ team: 7 }, null)).toEqual({ team: null });
  });
});
