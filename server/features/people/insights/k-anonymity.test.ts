import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countFigure, spreadOf, type Counted } from './k-anonymity.js';
import { lastMonths } from './insights.js';

const items = fc.array(
  fc.record({
    pmId: fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9', 'p10', 'p11'),
    coachId: fc.constantFrom('a', 'b', 'c', null),
  }),
  { maxLength: 40 },
);
const pmsIn = (xs: Counted[]) => new Set(xs.map((x) => x.pmId)).size;

describe('the k rule', () => {
  it('never shows a number for 1–4 PMs, whole or narrowed', () => {
    fc.assert(
      fc.property(items, fc.constantFrom(null, 'a', 'b', 'c'), (xs, coach) => {
        const shown = coach === null ? xs : xs.filter((x) => x.coachId === coach);
        const figure = countFigure(xs, coach);
        if (pmsIn(shown) > 0 && pmsIn(shown) < 5) expect(figure).toEqual({ kind: 'fewer-than-5' });
        if (figure.kind === 'count') expect(figure.value).toBe(shown.length);
      }),
    );
  });

  it('whole minus every shown group never isolates a group of 1–4 PMs', () => {
    fc.assert(
      fc.property(items, (xs) => {
        const groups = ['a', 'b', 'c', null] as const;
        const shownGroups = groups.filter((g) => g !== null && countFigure(xs, g).kind === 'count');
        if (!shownGroups.length) return;
        // Whatever is left once the shown groups are subtracted is 0 or at least five PMs per group.
        for (const g of groups.filter((g) => !shownGroups.includes(g as 'a'))) {
          const n = pmsIn(xs.filter((x) => x.coachId === g));
          expect(n === 0 || n >= 5).toBe(true);
        }
      }),
    );
  });

  it('spreads five values or more as half-point quartiles, and hides fewer', () => {
    expect(spreadOf([1, 2, 3, 4])).toEqual({ kind: 'fewer-than-5' });
    expect(spreadOf([1, 2, 3, 4, 5])).toEqual({ kind: 'spread', lower: 2, median: 3, upper: 4 });
    expect(spreadOf([7, 7, 7, 7, 7, 1])).toEqual({ kind: 'spread', lower: 7, median: 7, upper: 7 });
    expect(spreadOf([3.3, 3.6, 4.1, 4.4, 5])).toEqual({ kind: 'spread', lower: 3.5, median: 4, upper: 4.5 });
  });

  it('names the last twelve months, this one last', () => {
    const months = lastMonths(new Date('2026-01-31T23:00:00Z'));
    expect(months.map((m) => m.label)).toEqual([
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
    ]);
    expect(months[11]).toMatchObject({ start: '2026-01-01T00:00:00.000Z', end: '2026-02-01T00:00:00.000Z' });
  });
});
