import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PmContext } from './pm-context.js';
import { builtinQuestions } from './question-content.js';
import { chooseQuestions } from './suggest.js';

const empty: PmContext = {
  scale: null,
  lowest: [],
  dips: [],
  gaps: [],
  challenge: null,
  themes: [],
  redThemes: [],
};
const ten = { min: 1, max: 10 };
const choose = (
  context: Partial<PmContext>,
  options: { asked?: string[]; limit?: number; noAgenda?: boolean } = {},
) =>
  chooseQuestions({
    context: { ...empty, ...context },
    bank: builtinQuestions,
    asked: new Set(options.asked ?? []),
    limit: options.limit ?? 3,
    noAgenda: options.noAgenda ?? false,
  });

describe('suggested questions', () => {
  it('start from the lowest area, in the PM’s own words and score', () => {
    const [first] = choose({ scale: ten, lowest: [{ key: 'team', name: 'Team', self: 4.75 }] });
    expect(first).toMatchObject({
      id: 'seed-scale',
      text: 'On a scale of 1–10, how do you feel about Team? You said 5 last time; what would it take to make that a 6?',
      why: 'Your lowest area: Team',
    });
  });

  it('put a dip before the lowest area, and one question per source before a second', () => {
    const chosen = choose({
      scale: ten,
      dips: [{ key: 'planning', name: 'Planning', score: 4 }],
      lowest: [{ key: 'team', name: 'Team', self: 3 }],
      challenge: 'Lead the Payments team',
    });
    expect(chosen.map((q) => q.why)).toEqual([
      'A dip in Planning last round',
      'Your lowest area: Team',
      'Your next bigger challenge',
    ]);
    expect(chosen[0]!.text).toContain('Planning');
    expect(chosen[2]!.text).toContain('Lead the Payments team');
  });

  it('put red themes first, by their title', () => {
    const [first] = choose({
      scale: ten,
      lowest: [{ key: 'team', name: 'Team', self: 3 }],
      redThemes: [{ title: 'Talk to customers weekly', targets: ['understand-the-problem'] }],
    });
    expect(first!.why).toBe('“Talk to customers weekly” is red');
    expect(first!.text).toContain('“Talk to customers weekly”');
  });

  it('leave out questions asked recently and serve the next ones', () => {
    const context = { scale: ten, lowest: [{ key: 'team', name: 'Team', self: 3 }] };
    const first = choose(context, { limit: 1 });
    const next = choose(context, { limit: 1, asked: first.map((q) => q.id) });
    expect(next[0]!.id).not.toBe(first[0]!.id);
    expect(next[0]!.why).toBe('Your lowest area: Team');
  });

  it('offer good openers when nothing is known, or first when no agenda was prepared', () => {
    const none = choose({});
    expect(none).toHaveLength(3);
    for (const q of none) expect(q.situations).toContain('no-agenda');
    const first = choose(
      { scale: ten, lowest: [{ key: 'team', name: 'Team', self: 3 }] },
      { noAgenda: true },
    );
    expect(first[0]!.why).toBe('A good opener when nothing is prepared');
  });

  it('serve a renamed or added area through the generic questions', () => {
    const chosen = choose(
      { scale: ten, lowest: [{ key: 'brand-new', name: 'Pricing', self: 2 }] },
      { limit: 10 },
    );
    expect(chosen.filter((q) => q.why === 'Your lowest area: Pricing').length).toBeGreaterThanOrEqual(2);
  });

  it('never repeat a question, never leave a placeholder, never exceed the limit (fast-check)', () => {
    const area = fc.record({
      key: fc.constantFrom('team', 'planning', 'agile', 'x-new'),
      name: fc.string({ minLength: 1 }),
      self: fc.double({ min: 1, max: 10, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(area, { maxLength: 2 }),
        fc.array(area, { maxLength: 3 }),
        fc.option(fc.string()),
        fc.integer({ min: 1, max: 12 }),
        fc.subarray(builtinQuestions.map((b) => b.id)),
        (lowest, dipped, challenge, limit, asked) => {
          const chosen = choose(
            {
              scale: ten,
              lowest,
              dips: dipped.map((d) => ({ key: d.key, name: d.name, score: d.self })),
              challenge,
            },
            { limit, asked },
          );
          expect(chosen.length).toBeLessThanOrEqual(limit);
          expect(new Set(chosen.map((q) => q.id)).size).toBe(chosen.length);
          for (const q of chosen) {
            expect(asked).not.toContain(q.id);
            expect(q.text).not.toMatch(/\{(area|score|score\+1|scale|challenge|theme)\}/);
          }
        },
      ),
    );
  });
});
