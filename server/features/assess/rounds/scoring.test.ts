import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Key, type FrameworkContent } from '../../../../common/wheel.js';
import { pmwheel } from '../../define-good/frameworks/pmwheel.js';
import { areaScores, missingStatements, toScale } from './scoring.js';

const keys = (c: FrameworkContent) => c.areas.flatMap((a) => a.statements.map((s) => s.key));

describe('areaScores', () => {
  it('is the mean of the area’s statements', () => {
    const team = pmwheel.areas.find((a) => a.key === 'team')!;
    const scores = Object.fromEntries(team.statements.map((s, i) => [s.key, [4, 6, 8, 5, 7][i]!]));
    expect(areaScores(pmwheel, scores).team).toBe(6);
    expect(areaScores(pmwheel, scores).agile).toBeNull();
  });

  it('always lies between the lowest and highest statement score of the area', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10 }), {
          minLength: keys(pmwheel).length,
          maxLength: keys(pmwheel).length,
        }),
        (values) => {
          const scores = Object.fromEntries(keys(pmwheel).map((k, i) => [k, values[i]!]));
          const result = areaScores(pmwheel, scores);
          for (const area of pmwheel.areas) {
            const own = area.statements.map((s) => scores[s.key]!);
            expect(result[area.key]!).toBeGreaterThanOrEqual(Math.min(...own) - 1e-9);
            expect(result[area.key]!).toBeLessThanOrEqual(Math.max(...own) + 1e-9);
          }
        },
      ),
    );
  });

  it('names the statements still missing, in framework order', () => {
    const all = keys(pmwheel);
    const scores = Object.fromEntries(all.slice(1).map((k) => [k, 5]));
    expect(missingStatements(pmwheel, scores)).toEqual([all[0]]);
    expect(missingStatements(pmwheel, { ...scores, [all[0]!]: 5 })).toEqual([]);
  });
});

describe('toScale', () => {
  it('maps the ends of one scale onto the ends of the other', () => {
    expect(toScale(1, { min: 1, max: 5 }, { min: 1, max: 10 })).toBe(1);
    expect(toScale(5, { min: 1, max: 5 }, { min: 1, max: 10 })).toBe(10);
    expect(toScale(4, { min: 1, max: 5 }, { min: 1, max: 10 })).toBe(7.75);
  });

  it('round-trips and keeps the order of scores', () => {
    const scale = fc
      .tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 2, max: 90 }))
      .map(([min, span]) => ({ min, max: min + span }));
    fc.assert(
      fc.property(
        scale,
        scale,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (from, to, a, b) => {
          const x = from.min + a * (from.max - from.min);
          const y = from.min + b * (from.max - from.min);
          expect(toScale(toScale(x, from, to), to, from)).toBeCloseTo(x, 6);
          if (x < y) expect(toScale(x, from, to)).toBeLessThanOrEqual(toScale(y, from, to));
        },
      ),
    );
  });
});

describe('keys that name built-in properties', () => {
  const content = {
    name: 'F',
    description: '',
    scale: { min: 1, max: 10 },
    traits: [],
    areas: [
      {
        key: 'a',
        name: 'A',
        description: '',
        levels: { low: '', middle: '', high: '' },
        statements: [
          { key: 'constructor', text: 'x' },
          { key: 'b', text: 'y' },
        ],
      },
    ],
  } as unknown as FrameworkContent;

  it('never count as scored', () => {
    expect(missingStatements(content, { b: 5 })).toEqual(['constructor']);
    expect(areaScores(content, { b: 5 })).toEqual({ a: 5 });
  });

  it('are refused in a framework', () => {
    expect(Key.safeParse('constructor').success).toBe(false);
    expect(Key.safeParse('team.1').success).toBe(true);
  });
});
