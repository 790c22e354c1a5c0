import { describe, expect, test } from 'vitest';
import type { PlanGlance } from '../../../../../common/home';
import { planHints } from './plan-hints';

const plan: PlanGlance = {
  headline: 'Lead discovery',
  themes: 2,
  actionsDone: 1,
  actionsTotal: 5,
  openSuggestions: 0,
  refreshDue: false,
  manyFromCoach: false,
};
const quiet = { waitingForViewer: false, revisitDue: false };

describe('plan hints on a home page', () => {
  test('a plan not started yet, to the PM and to the coach', () => {
    expect(planHints({ plan: null, vision: quiet }, null)).toEqual([
      'Not started yet: it starts from your wheel.',
    ]);
    expect(planHints({ plan: null, vision: quiet }, 'Pat')).toEqual(['Pat has not started a plan yet.']);
  });
  test('the headline and progress, then what needs attention', () => {
    const busy = { ...plan, themes: 1, openSuggestions: 2, refreshDue: true, manyFromCoach: true };
    expect(planHints({ plan: busy, vision: quiet }, null)).toEqual([
      '“Lead discovery”: 1 theme, 1 of 5 actions done.',
      '2 suggestions from your coach to accept or decline.',
      'A quarterly refresh is due.',
      'Most of it came from your coach: make it yours.',
    ]);
    expect(planHints({ plan: busy, vision: quiet }, 'Pat').slice(1)).toEqual([
      '2 of your suggestions open.',
      'A quarterly refresh is due.',
      'Most of it came from you: invite Pat to write it.',
    ]);
  });
  test('a vision proposal to answer comes before a due revisit', () => {
    expect(planHints({ plan, vision: { waitingForViewer: true, revisitDue: true } }, null).at(-1)).toBe(
      'A shared vision proposal waits for your answer.',
    );
    expect(planHints({ plan, vision: { waitingForViewer: false, revisitDue: true } }, null)).toEqual([
      '“Lead discovery”: 2 themes, 1 of 5 actions done.',
      'Time to revisit the shared vision.',
    ]);
  });
});
