import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinQuestions } from './question-content.js';
import { fillTemplate, nextScore, placeholdersOf, readableTemplate, spokenScore } from './template.js';

const ten = { min: 1, max: 10 };
const scaleArb = fc
  .tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 10 }))
  .map(([min, span]) => ({ min, max: min + span }));
const valuesArb = scaleArb.chain((scale) =>
  fc.record({
    area: fc.string(),
    score: fc.double({ min: scale.min, max: scale.max, noNaN: true }),
    scale: fc.constant(scale),
    challenge: fc.string(),
    theme: fc.string(),
  }),
);
const templates = builtinQuestions.map((b) => b.text);

describe('question templates', () => {
  it('fill in the PM’s own words, score and score + 1', () => {
    expect(
      fillTemplate(
        'On a scale of {scale}, how do you feel about {area}? You said {score} last time; what would make it a {score+1}?',
        {
          area: 'Stakeholder management',
          score: 5,
          scale: ten,
        },
      ),
    ).toBe(
      'On a scale of 1–10, how do you feel about Stakeholder management? You said 5 last time; what would make it a 6?',
    );
    expect(
      fillTemplate('Your next bigger challenge is {challenge}.', {
        challenge: '  Lead the Payments team.  ',
      }),
    ).toBe('Your next bigger challenge is Lead the Payments team.');
  });

  it('say a score as a whole number on the scale, and cap score + 1 at the maximum', () => {
    expect(spokenScore(5.75, ten)).toBe(6);
    expect(nextScore(5.4, ten)).toBe(6);
    expect(nextScore(10, ten)).toBe(10);
    expect(nextScore(4.8, { min: 1, max: 5 })).toBe(5);
  });

  it('are not filled in when a value is missing for this PM', () => {
    expect(fillTemplate('How do you feel about {area}?', {})).toBeNull();
    expect(fillTemplate('What would make it a {score+1}?', { area: 'Team' })).toBeNull();
    expect(fillTemplate('Thinking about {challenge}?', { challenge: '   ' })).toBeNull();
    expect(fillTemplate('Plain question?', {})).toBe('Plain question?');
  });

  it('never leave a placeholder, whatever the PM wrote (fast-check)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...templates), valuesArb, (template, values) => {
        const text = fillTemplate(template, values);
        if (text === null) return;
        expect(placeholdersOf(text)).toEqual([]);
        expect(text).not.toMatch(/\{(area|score|score\+1|scale|challenge|theme)\}/);
      }),
    );
  });

  it('never exceed the scale, nor go below it (fast-check)', () => {
    fc.assert(
      fc.property(scaleArb, fc.double({ min: -100, max: 100, noNaN: true }), (scale, score) => {
        const text = fillTemplate('{score}|{score+1}', { score, scale })!;
        const [said, next] = text.split('|').map(Number);
        expect(said).toBeGreaterThanOrEqual(scale.min);
        expect(next).toBeLessThanOrEqual(scale.max);
        expect(next! - said!).toBeLessThanOrEqual(1);
        expect(Number.isInteger(said) && Number.isInteger(next)).toBe(true);
      }),
    );
  });

  it('show placeholders in plain words in the bank', () => {
    expect(readableTemplate('How do you feel about {area}? What would make it a {score+1}?')).toBe(
      'How do you feel about [skill]? What would make it a [your score + 1]?',
    );
  });
});
