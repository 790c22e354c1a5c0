import { describe, expect, it } from 'vitest';
import { rankThemeIdeas, type AreaReading } from './theme-ideas.js';

const area = (
  key: string,
  self: number | null,
  coach: number | null,
  dip: AreaReading['dip'] = null,
): AreaReading => ({ key, name: key.toUpperCase(), self, coach, dip });
const rank = (areas: AreaReading[]) =>
  rankThemeIdeas({
    areas,
    scale: { min: 1, max: 10 },
    examples: (k) => (k === 'a' ? [{ kind: 'book', text: 'Read', detail: '' }] : []),
  });

describe('theme ideas from the wheel', () => {
  it('put dips first, then the biggest gaps, then the lowest areas, one idea per area', () => {
    const ideas = rank([
      area('a', 8, 8),
      area('b', 7, 7),
      area('c', 3, 4),
      area('d', 9, 5),
      area('e', 5, 5, { drop: 2.5, recentMean: 7.5 }),
      area('f', 6, 6),
      area('g', 7, 9),
    ]);
    expect(ideas.map((i) => [i.areaKey, i.reasons])).toEqual([
      ['e', ['dip', 'low']],
      ['d', ['gap']],
      ['g', ['gap']],
      ['c', ['low']],
      ['f', ['low']],
    ]);
  });

  it('say in words why, with who rates higher', () => {
    const [gap] = rank([area('d', 8, 4)]);
    expect(gap!.why).toContain('you rate yourself higher than your coach does');
    const [dip] = rank([area('e', 4, 5, { drop: 3, recentMean: 7 })]);
    expect(dip!.why).toMatch(/fell to 4 from an average of 7/);
  });

  it('ignore small differences and offer example actions for known areas', () => {
    const ideas = rank([area('a', 6, 5), area('b', 9, 9)]);
    expect(ideas.every((i) => !i.reasons.includes('gap'))).toBe(true);
    expect(ideas.find((i) => i.areaKey === 'a')!.exampleActions).toHaveLength(1);
  });

  it('give nothing without scores and at most five ideas', () => {
    expect(rank([area('a', null, null)])).toEqual([]);
    const many = 'abcdefghij'.split('').map((k, i) => area(k, i % 2 ? 2 : 9, i % 2 ? 9 : 2));
    expect(rank(many)).toHaveLength(5);
  });
});
