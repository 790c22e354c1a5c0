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
      area('e', 5, 5, { drop: 2.5, recentLevel: 7.5 }),
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

  it('say in words why, with who rates higher, in words that read right to the PM and the coach alike', () => {
    const [gap] = rank([area('d', 8, 4)]);
    expect(gap!.why).toMatch(
      /^Self 8, coach 4 on D: the self-assessment is higher than the coach’s, a gap worth understanding\./,
    );
    const [other] = rank([area('d', 3, 6)]);
    expect(other!.why).toContain(
      'Self 3, coach 6 on D: the coach’s assessment is higher than the self-assessment',
    );
    const [dip] = rank([area('e', 4, 5, { drop: 3, recentLevel: 7 })]);
    expect(dip!.why).toMatch(/The self-score fell to 4 from a recent level of 7/);
    // The plan is read by both sides: no idea's words address anyone as "you".
    const ideas = rank([area('a', 2, 9), area('b', 9, 2), area('c', 3, 3, { drop: 4, recentLevel: 7 })]);
    for (const idea of ideas) expect(idea.why).not.toMatch(/\b(you|your|yourself)\b/i);
  });

  it('say how each idea serves the agreed next bigger challenge, when there is one', () => {
    const withChallenge = rankThemeIdeas({
      areas: [area('understand', 3, 6)],
      scale: { min: 1, max: 10 },
      examples: () => [],
      challenge: 'Leading the H2 strategy planning',
    });
    expect(withChallenge[0]!.serves).toBe(
      'Growing in UNDERSTAND prepares for “Leading the H2 strategy planning”.',
    );
    expect(rank([area('a', 3, 6)])[0]!.serves).toBe('');
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
