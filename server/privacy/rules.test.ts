import { describe, expect, it } from 'vitest';
import { may, sideMay } from './authorize.js';
import { coachingRules, conditions, type CoachingAction, type RoundFacts, type Viewer } from './rules.js';

const pm: Viewer = { actorId: 'pm', pmId: 'pm', side: 'pm', coachSince: null };
const coach: Viewer = { actorId: 'cora', pmId: 'pm', side: 'coach', coachSince: '2026-03-01' };
const round = (over: Partial<RoundFacts> = {}): RoundFacts => ({
  pm_id: 'pm',
  coach_id: 'cora',
  created_at: '2026-04-01',
  revealed_at: null,
  peers_shared: 0,
  ...over,
});
const actions = Object.keys(coachingRules) as CoachingAction[];

/** The condition names no row of the table lists. */
const unusedConditions = (rules: object, names: string[]) =>
  names.filter((name) =>
    Object.values(rules).every((rule: { when?: readonly string[] }) => !rule.when?.includes(name)),
  );

describe('the coaching-data rules table', () => {
  it('grants only the two sides of a pair, and names only known conditions', () => {
    for (const action of actions) {
      const rule: { who: readonly string[]; when?: readonly string[] } = coachingRules[action];
      expect(rule.who.length, action).toBeGreaterThan(0);
      for (const who of rule.who) expect(['pm', 'coach'], action).toContain(who);
      for (const name of rule.when ?? []) expect(Object.keys(conditions), action).toContain(name);
    }
  });

  it('names every condition in a row: no condition is applied outside the table', () => {
    expect(unusedConditions(coachingRules, Object.keys(conditions))).toEqual([]);
  });

  it('finds a condition that no row names (a planted one)', () => {
    const planted = [...Object.keys(conditions), 'the PM themself'];
    expect(unusedConditions(coachingRules, planted)).toEqual(['the PM themself']);
  });

  it('keeps the access log and peer links for the PM alone', () => {
    expect(sideMay('access-log:read', 'coach')).toBe(false);
    expect(sideMay('peers:manage', 'coach')).toBe(false);
    expect(sideMay('access-log:read', 'pm')).toBe(true);
  });

  it('lets only the PM write the plan and decide on suggestions, and only a coach suggest', () => {
    expect(sideMay('plan:write', 'coach')).toBe(false);
    expect(sideMay('plan-suggestion:decide', 'coach')).toBe(false);
    expect(sideMay('plan-suggestion:create', 'pm')).toBe(false);
    expect(coachingRules['plan:write'].otherSide).toMatch(/Suggest the change instead/);
  });
});

describe('the conditions', () => {
  it('show a coach rounds opened during their pairing, and rounds they assess', () => {
    const seen = (r: RoundFacts, v: Viewer) =>
      conditions['round opened during this pairing'].test({ round: r }, v);
    expect(seen(round(), coach)).toBe(true);
    expect(seen(round({ coach_id: 'earlier', created_at: '2026-01-01' }), coach)).toBe(false);
    expect(seen(round({ coach_id: 'cora', created_at: '2026-01-01' }), coach)).toBe(true);
    expect(seen(round({ coach_id: 'earlier', created_at: '2026-01-01' }), pm)).toBe(true);
    expect(seen(round({ pm_id: 'someone-else' }), pm)).toBe(false);
  });

  it('keep the other side’s assessment blind until the round is revealed', () => {
    const sees = (side: 'self' | 'coach', v: Viewer, r = round()) =>
      may(v, 'assessment:see', { round: r, side });
    expect(sees('self', pm)).toBe(true);
    expect(sees('coach', pm)).toBe(false);
    expect(sees('self', coach)).toBe(false);
    expect(sees('self', coach, round({ revealed_at: '2026-04-02' }))).toBe(true);
  });

  it('give peer scores to the coach only when the PM shared them', () => {
    const sees = (v: Viewer, shared: number) =>
      may(v, 'peer-scores:see', { round: round({ peers_shared: shared }) });
    expect(sees(pm, 0)).toBe(true);
    expect(sees(coach, 0)).toBe(false);
    expect(sees(coach, 1)).toBe(true);
  });

  it('give peers’ notes only from three peers on, and to the coach only when the PM shared peer scores', () => {
    const sees = (v: Viewer, shared: number, peerCount: number) =>
      may(v, 'peer-notes:see', { round: round({ peers_shared: shared }), peerCount });
    expect(sees(pm, 0, 3)).toBe(true);
    expect(sees(pm, 0, 2)).toBe(false);
    expect(sees(coach, 0, 3)).toBe(false);
    expect(sees(coach, 1, 3)).toBe(true);
    expect(sees(coach, 1, 2)).toBe(false);
  });

  it('leave a private comment to its author, and agreement to the other side', () => {
    const comment = { author_id: 'pm', is_private: 1 };
    const history = { part: 'comments' as const, at: '2026-04-01' };
    expect(may(pm, 'plan-comment:see', { comment, history })).toBe(true);
    expect(may(coach, 'plan-comment:see', { comment, history })).toBe(false);
    const proposal = { proposed_by: 'cora', proposed_side: 'coach' as const };
    const asked = { proposal, history: { part: 'vision-history' as const, at: '2026-04-01' } };
    expect(may(pm, 'vision:accept', asked)).toBe(true);
    expect(may(coach, 'vision:accept', asked)).toBe(false);
  });

  it('keep a dip note and account details to the PM, even on what a coach may read', () => {
    expect(may(pm, 'dip-note:see')).toBe(true);
    expect(may(coach, 'dip-note:see')).toBe(false);
    expect(may(coach, 'account-details:see')).toBe(false);
  });
});
