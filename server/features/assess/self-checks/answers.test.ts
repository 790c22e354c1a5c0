import { describe, expect, it } from 'vitest';
import { pmwheel } from '../../define-good/frameworks/pmwheel.js';
import { checkDraft, chosenContent } from './answers.js';

const team = chosenContent(pmwheel, { areas: JSON.stringify(['team']) });

describe('a self-check’s answers', () => {
  it('narrows the framework to the chosen areas, in the framework’s order', () => {
    expect(team.areas.map((a) => a.key)).toEqual(['team']);
    const two = chosenContent(pmwheel, { areas: JSON.stringify(['agile', 'planning']) });
    expect(two.areas.map((a) => a.key)).toEqual(['planning', 'agile']);
    expect(team.traits).toEqual(pmwheel.traits);
  });

  it('accepts scores of the chosen areas on the scale and words for the traits', () => {
    expect(() =>
      checkDraft(team, { scores: { 'team.2': 2, 'team.1': null }, traits: { curiosity: 'x' } }),
    ).not.toThrow();
  });

  it('names the first bad field: another area’s statement, a score off the scale, an unknown trait', () => {
    expect(() => checkDraft(team, { scores: { 'planning.1': 5 } })).toThrow(
      'scores.planning.1: is not a statement of the areas you chose',
    );
    expect(() => checkDraft(team, { scores: { 'team.1': 0 } })).toThrow(
      'scores.team.1: must be a whole number from 1 to 10',
    );
    expect(() => checkDraft(team, { traits: { patience: 'calm' } })).toThrow(
      'traits.patience: is not a trait of your wheel',
    );
  });
});
