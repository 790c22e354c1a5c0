import { describe, expect, it } from 'vitest';
import { coachingDataRules, isAllowed, type CoachingAction, type Relation } from './policy.js';

const everyRelation: Relation[] = ['pm', 'coach', 'former_coach', 'workspace_admin', 'none'];

describe('coaching data rules', () => {
  it('never grant anything to former coaches, workspace admins or strangers', () => {
    for (const action of Object.keys(coachingDataRules) as CoachingAction[]) {
      for (const relation of ['former_coach', 'workspace_admin', 'none'] as const) {
        expect(isAllowed(action, relation), `${action} for ${relation}`).toBe(false);
      }
    }
  });

  it('let the PM do everything with their own data', () => {
    for (const action of Object.keys(coachingDataRules) as CoachingAction[])
      expect(isAllowed(action, 'pm')).toBe(true);
  });

  it('keep the access log for the PM alone', () => {
    expect(everyRelation.filter((r) => isAllowed('access-log:read', r))).toEqual(['pm']);
  });
});
