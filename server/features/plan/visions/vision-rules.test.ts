import { describe, expect, it } from 'vitest';
import type { Side } from '../../../../common/schemas.js';
import { may } from '../../../privacy/authorize.js';
import { conditions, type Viewer } from '../../../privacy/rules.js';
import { isRevisitDue, revisitDueAt } from './vision-revisit.js';

const proposal = (side: Side) => ({ proposed_by: side === 'pm' ? 'pat' : 'cora', proposed_side: side });
// A proposal made during the pairing, so the history condition of the rows holds.
const asked = (side: Side) => ({
  proposal: proposal(side),
  history: { part: 'vision-history' as const, at: '2026-01-01T00:00:00.000Z' },
});
const viewer = (side: Side): Viewer => ({
  actorId: side === 'pm' ? 'pat' : 'cora',
  pmId: 'pat',
  side,
  coachSince: side === 'pm' ? null : '2025-01-01T00:00:00.000Z',
});

describe('shared vision rules', () => {
  it('take both sides to agree: the other side accepts', () => {
    expect(may(viewer('pm'), 'vision:accept', asked('coach'))).toBe(true);
    expect(may(viewer('coach'), 'vision:accept', asked('pm'))).toBe(true);
    expect(may(viewer('pm'), 'vision:accept', asked('pm'))).toBe(false);
    expect(conditions['other side of the proposal'].refusal(viewer('pm')).message).toMatch(
      /coach accepts it/,
    );
    expect(conditions['other side of the proposal'].refusal(viewer('coach')).message).toMatch(
      /agreed by the PM/,
    );
  });

  it('let only its proposer withdraw a proposal', () => {
    expect(may(viewer('pm'), 'vision:withdraw', asked('coach'))).toBe(false);
    expect(may(viewer('coach'), 'vision:withdraw', asked('coach'))).toBe(true);
  });

  it('are revisited a quarter after the last agreement', () => {
    expect(revisitDueAt(null)).toBeNull();
    expect(isRevisitDue(null)).toBe(false);
    expect(revisitDueAt('2025-01-01T00:00:00.000Z')).toBe('2025-04-01T00:00:00.000Z');
    expect(isRevisitDue('2025-01-01T00:00:00.000Z', new Date('2025-04-02T00:00:00Z'))).toBe(true);
  });
});
