import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dipThreshold, dipsOf, type SelfRound } from './dips.js';

const ten = { min: 1, max: 10 };
const round = (team: number, scale = ten): SelfRound => ({
  roundId: `r${Math.random()}`,
  scale,
  self: { team },
});

describe('dips', () => {
  it('flags a self-score 2 points below the mean of the last three rounds', () => {
    const rounds = [round(3), round(8), round(8), round(8), round(6)];
    expect(dipsOf(rounds, 4)).toEqual([{ areaKey: 'team', score: 6, recentMean: 8, drop: 2 }]);
  });

  it('does not flag a smaller drop, the first round, or a rise', () => {
    expect(dipsOf([round(8), round(8), round(6.5)], 2)).toEqual([]);
    expect(dipsOf([round(2)], 0)).toEqual([]);
    expect(dipsOf([round(3), round(9)], 1)).toEqual([]);
  });

  it('looks back only three rounds', () => {
    expect(dipsOf([round(10), round(5), round(5), round(5), round(4)], 4)).toEqual([]);
  });

  it('compares across scales: a 2 on 1–5 after 4s is a dip', () => {
    const five = { min: 1, max: 5 };
    const [dip] = dipsOf([round(9, ten), round(4, five), round(2, five)], 2);
    expect(dip?.areaKey).toBe('team');
    expect(dipThreshold(five)).toBeCloseTo(8 / 9);
  });

  it('flags exactly when the drop reaches the threshold (any history, any scale)', () => {
    const scale = fc
      .tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 2, max: 20 }))
      .map(([min, span]) => ({ min, max: min + span }));
    fc.assert(
      fc.property(
        scale,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 8 }),
        (s, fractions) => {
          const rounds = fractions.map((f) => round(s.min + f * (s.max - s.min), s));
          const last = rounds.length - 1;
          const earlier = rounds.slice(Math.max(0, last - 3), last).map((r) => r.self.team!);
          const recentMean = earlier.reduce((a, b) => a + b, 0) / earlier.length;
          const flagged = dipsOf(rounds, last).length === 1;
          expect(flagged).toBe(recentMean - rounds[last]!.self.team! >= dipThreshold(s) - 1e-9);
        },
      ),
    );
  });

  it('never flags a steady history', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 2, max: 10 }), (v, n) => {
        const rounds = Array.from({ length: n }, () => round(v));
        expect(dipsOf(rounds, n - 1)).toEqual([]);
      }),
    );
  });
});
