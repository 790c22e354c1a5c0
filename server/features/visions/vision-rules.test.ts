import { describe, expect, it } from 'vitest';
import { assertCanAccept, assertCanWithdraw, canAcceptProposal } from './vision-policy.js';
import { isRevisitDue, revisitDueAt } from './vision-revisit.js';

const proposal = (side: 'pm' | 'coach', status = 'open') => ({
  proposed_by: side === 'pm' ? 'pat' : 'cora',
  proposed_side: side,
  status,
});

describe('shared vision rules', () => {
  it('take both sides to agree: the other side accepts', () => {
    expect(canAcceptProposal(proposal('coach'), 'pm')).toBe(true);
    expect(canAcceptProposal(proposal('pm'), 'coach')).toBe(true);
    expect(() => assertCanAccept(proposal('pm'), 'pm')).toThrow(/coach accepts it/);
    expect(() => assertCanAccept(proposal('coach'), 'coach')).toThrow(/agreed by the PM/);
  });

  it('settle a proposal once, and let only its proposer withdraw it', () => {
    expect(() => assertCanAccept(proposal('coach', 'agreed'), 'pm')).toThrow(/no longer open/);
    expect(() => assertCanWithdraw(proposal('coach'), 'pat')).toThrow(/Only its proposer/);
    expect(() => assertCanWithdraw(proposal('coach'), 'cora')).not.toThrow();
  });

  it('are revisited a quarter after the last agreement', () => {
    expect(revisitDueAt(null)).toBeNull();
    expect(isRevisitDue(null)).toBe(false);
    expect(revisitDueAt('2025-01-01T00:00:00.000Z')).toBe('2025-04-01T00:00:00.000Z');
    expect(isRevisitDue('2025-01-01T00:00:00.000Z', new Date('2025-04-02T00:00:00Z'))).toBe(true);
  });
});
