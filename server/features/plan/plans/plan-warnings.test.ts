import { describe, expect, it } from 'vitest';
import { planOwnership } from './ownership.js';
import { planWarnings } from './plan-warnings.js';

type Origin = { attribution: { origin: 'pm' | 'coach' } };
const theme = (
  id: string,
  actions = 1,
  areas = 1,
  traits = 1,
): Origin & { id: string; title: string; areas: unknown[]; traits: unknown[]; actions: Origin[] } => ({
  id,
  title: `Theme ${id}`,
  areas: Array(areas).fill({}),
  traits: Array(traits).fill({}),
  actions: Array(actions).fill({ attribution: { origin: 'pm' } }),
  attribution: { origin: 'pm' },
});
const plan = (
  themes: ReturnType<typeof theme>[],
  extra: Partial<{ refreshDue: boolean; periodEnd: string; isCurrent: boolean }> = {},
) => ({
  themes,
  ownership: planOwnership(themes),
  refreshDue: false,
  periodEnd: '2030-01-01',
  isCurrent: true,
  ...extra,
});
const codes = (p: ReturnType<typeof plan>) => planWarnings(p, '2025-06-01').map((w) => w.code);

describe('plan warnings', () => {
  it('are quiet for a plan of three to five themes with actions and focus', () => {
    expect(codes(plan([theme('a'), theme('b'), theme('c')]))).toEqual([]);
    expect(codes(plan(['a', 'b', 'c', 'd', 'e'].map((id) => theme(id))))).toEqual([]);
  });

  it('gently note fewer than three or more than five themes', () => {
    expect(codes(plan([theme('a')]))).toEqual(['few_themes']);
    expect(codes(plan(['a', 'b', 'c', 'd', 'e', 'f'].map((id) => theme(id))))).toEqual(['many_themes']);
  });

  it('name the theme without actions or without an area or trait', () => {
    const warnings = planWarnings(plan([theme('a', 0), theme('b', 1, 0, 0), theme('c')]), '2025-06-01');
    expect(warnings.map((w) => [w.code, w.themeId])).toEqual([
      ['theme_without_actions', 'a'],
      ['theme_without_focus', 'b'],
    ]);
  });

  it('mention a due refresh, a finished period, and a plan mostly from the coach', () => {
    const fromCoach = ['a', 'b', 'c'].map((id) => ({
      ...theme(id),
      attribution: { origin: 'coach' as const },
      actions: [{ attribution: { origin: 'coach' as const } }],
    }));
    expect(codes(plan(fromCoach, { refreshDue: true, periodEnd: '2025-05-31' }))).toEqual([
      'many_from_coach',
      'refresh_due',
      'period_over',
    ]);
  });

  it('gently hint when no theme works on a personality trait (the seed: traits as well as skills)', () => {
    const skillsOnly = ['a', 'b', 'c'].map((id) => theme(id, 1, 1, 0));
    const hint = planWarnings(plan(skillsOnly), '2025-06-01');
    expect(hint.map((w) => [w.code, w.themeId])).toEqual([['no_trait', null]]);
    expect(hint[0]!.message).toMatch(/curiosity or empathy/);
    expect(codes(plan([theme('a', 1, 1, 0), theme('b', 1, 1, 1), theme('c', 1, 1, 0)]))).toEqual([]);
    expect(codes(plan([]))).toEqual(['few_themes']);
  });

  it('leave old versions alone', () => {
    expect(codes(plan([], { isCurrent: false }))).toEqual([]);
  });
});
