import { describe, expect, it } from 'vitest';
import { hasOwnWords } from '../../web/src/features/rights/access-log/describe.js';
import { coachingRules } from './rules.js';

/** The rows whose grant can reach a PM's access log: every row but the per-item ':see' filters. */
const loggable = Object.keys(coachingRules).filter((action) => !action.endsWith(':see'));

/** Actions the PM's access-log page has no words of its own for (it would fall back to "Viewed your …"). */
const withoutWords = (actions: string[]) => actions.filter((action) => !hasOwnWords(action));

describe('the access-log page', () => {
  it('has words for every action of the rules table that can be logged', () => {
    expect(withoutWords(loggable)).toEqual([]);
  });

  it('finds an action without words (a planted one)', () => {
    expect(withoutWords([...loggable, 'gratitude-note:write'])).toEqual(['gratitude-note:write']);
  });
});
