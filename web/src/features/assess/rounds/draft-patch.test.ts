import { describe, expect, test } from 'vitest';
import { isEmptyPatch, mergePatch, withoutSaved } from './draft-patch';

describe('draft patches', () => {
  test('a later change to the same score or note wins; others add up', () => {
    const merged = mergePatch(
      { scores: { a: 3, b: 4 }, notes: { x: 'one' } },
      { scores: { a: 5 }, nextBiggerChallenge: 'Lead pricing' },
    );
    expect(merged).toEqual({
      scores: { a: 5, b: 4 },
      notes: { x: 'one' },
      nextBiggerChallenge: 'Lead pricing',
    });
  });
  test('what was saved leaves the queue; a field changed again while saving stays', () => {
    const saved = { scores: { a: 3, b: 4 }, notes: { x: 'draft' } };
    const pending = mergePatch(saved, { scores: { b: 6 }, notes: { x: 'draft' } });
    expect(withoutSaved(pending, saved)).toEqual({ scores: { b: 6 } });
    expect(isEmptyPatch(withoutSaved(saved, saved))).toBe(true);
  });
  test('clearing a note (null) is a change like any other', () => {
    expect(withoutSaved({ notes: { x: null } }, { notes: { x: 'old' } })).toEqual({ notes: { x: null } });
    expect(withoutSaved({ nextBiggerChallenge: null }, {})).toEqual({ nextBiggerChallenge: null });
  });
});
