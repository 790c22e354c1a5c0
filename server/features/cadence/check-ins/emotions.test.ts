import { describe, expect, it } from 'vitest';
import { CheckInInput, emotionGroupNames, emotions } from '../../../../common/check-ins.js';
import { may } from '../../../privacy/authorize.js';
import type { Viewer } from '../../../privacy/rules.js';

describe('the emotion list', () => {
  it('has about thirty named emotions in the four quadrants, none twice', () => {
    expect(emotions.length).toBeGreaterThanOrEqual(28);
    expect(emotions.length).toBeLessThanOrEqual(32);
    expect(new Set(emotions.map((e) => e.key)).size).toBe(emotions.length);
    expect(new Set(emotions.map((e) => e.name.toLowerCase())).size).toBe(emotions.length);
    const groups = Object.keys(emotionGroupNames);
    expect(groups).toHaveLength(4);
    for (const group of groups) {
      const inGroup = emotions.filter((e) => e.group === group);
      expect(inGroup.length, group).toBeGreaterThanOrEqual(6);
    }
    for (const e of emotions) expect(groups).toContain(e.group);
  });

  it('accepts one to three different emotions of the list', () => {
    const ok = (list: string[]) => CheckInInput.safeParse({ emotions: list }).success;
    expect(ok(['calm'])).toBe(true);
    expect(ok(['calm', 'proud', 'tired'])).toBe(true);
    expect(ok([])).toBe(false);
    expect(ok(['calm', 'proud', 'tired', 'sad'])).toBe(false);
    expect(ok(['calm', 'calm'])).toBe(false);
    expect(ok(['Calm'])).toBe(false);
  });
});

describe("the rule 'PM shared the check-in'", () => {
  const pm: Viewer = { actorId: 'pm', pmId: 'pm', side: 'pm', coachSince: null };
  const coach: Viewer = { actorId: 'cora', pmId: 'pm', side: 'coach', coachSince: '2026-03-01' };
  const sees = (v: Viewer, is_private: number) => may(v, 'check-in:see', { checkIn: { is_private } });
  it('shows a private check-in to the PM only', () => {
    expect(sees(pm, 1)).toBe(true);
    expect(sees(coach, 1)).toBe(false);
    expect(sees(coach, 0)).toBe(true);
  });
});
