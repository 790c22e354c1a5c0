import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BIG_BANG_DAYS, bigBangReview, tacticalTakeover } from './guards.js';

const DAY = 86_400_000;
const since = '2026-01-10T09:00:00.000Z';
const at = (ms: number) => new Date(Date.parse(since) + ms);

describe('big bang review', () => {
  it('stays quiet at exactly 35 days and speaks up one millisecond later', () => {
    expect(bigBangReview({ now: at(BIG_BANG_DAYS * DAY), lastHeldAt: since, pairSince: null })).toBeNull();
    const guard = bigBangReview({ now: at(BIG_BANG_DAYS * DAY + 1), lastHeldAt: since, pairSince: null });
    expect(guard?.kind).toBe('big-bang-review');
    expect(guard?.message).toContain('35 days ago');
  });

  it('flags exactly when more than 35 days passed since the last held one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * DAY }), (elapsed) => {
        const guard = bigBangReview({
          now: at(elapsed),
          lastHeldAt: since,
          pairSince: '2020-01-01T00:00:00Z',
        });
        expect(guard !== null).toBe(elapsed > BIG_BANG_DAYS * DAY);
      }),
    );
  });

  it('counts from the start of the pair before the first coaching session', () => {
    const guard = bigBangReview({ now: at(40 * DAY), lastHeldAt: null, pairSince: since });
    expect(guard?.message).toContain('has not held a coaching session yet');
    expect(bigBangReview({ now: at(10 * DAY), lastHeldAt: null, pairSince: since })).toBeNull();
    expect(bigBangReview({ now: at(400 * DAY), lastHeldAt: null, pairSince: null })).toBeNull();
  });
});

describe('tactical takeover', () => {
  const nothing = { coloursSet: 0, actionsMoved: 0, nextSteps: 0 };
  const moved = fc.record({
    coloursSet: fc.nat(5),
    actionsMoved: fc.nat(5),
    nextSteps: fc.nat(5),
  });

  it('flags when the last two held coaching sessions moved nothing', () => {
    expect(tacticalTakeover([nothing, nothing])?.kind).toBe('tactical-takeover');
    expect(tacticalTakeover([nothing, nothing, { ...nothing, coloursSet: 3 }])?.kind).toBe(
      'tactical-takeover',
    );
  });

  it('needs two held coaching sessions, and any progress in either clears it', () => {
    expect(tacticalTakeover([])).toBeNull();
    expect(tacticalTakeover([nothing])).toBeNull();
    fc.assert(
      fc.property(moved, moved, fc.array(moved), (a, b, older) => {
        const progress = (m: typeof a) => m.coloursSet + m.actionsMoved + m.nextSteps > 0;
        const guard = tacticalTakeover([a, b, ...older]);
        expect(guard !== null).toBe(!progress(a) && !progress(b));
      }),
    );
  });
});
