import { describe, expect, it } from 'vitest';
import { pmwheel } from '../../define-good/frameworks/pmwheel.js';
import { areaExampleActions } from './example-actions.js';
import { traitExampleActions } from './trait-actions.js';

describe('the example action library', () => {
  it('offers 4 to 8 actions for every area of the default PMwheel, with books, practice and stretch tasks', () => {
    for (const area of pmwheel.areas) {
      const actions = areaExampleActions[area.key] ?? [];
      expect(actions.length, area.key).toBeGreaterThanOrEqual(4);
      expect(actions.length, area.key).toBeLessThanOrEqual(8);
      expect(new Set(actions.map((a) => a.kind)), area.key).toEqual(
        new Set(['book', 'practice', 'stretch', 'shadowing']),
      );
    }
    expect(Object.keys(areaExampleActions).sort()).toEqual(pmwheel.areas.map((a) => a.key).sort());
  });

  it('offers actions for every default trait, and names the authors of books', () => {
    for (const trait of pmwheel.traits)
      expect(traitExampleActions[trait.key]?.length, trait.key).toBeGreaterThanOrEqual(3);
    const books = [...Object.values(areaExampleActions), ...Object.values(traitExampleActions)]
      .flat()
      .filter((a) => a.kind === 'book');
    for (const book of books) expect(book.text, book.text).toMatch(/^Read “.+” by [A-Z]/);
  });
});
