import type { Ownership, PlanWarning } from '../../../../common/plans.js';

export const THEMES_MIN = 3;
export const THEMES_MAX = 5;

interface WarnedPlan {
  themes: readonly {
    id: string;
    title: string;
    areas: readonly unknown[];
    traits: readonly unknown[];
    actions: readonly unknown[];
  }[];
  ownership: Ownership;
  refreshDue: boolean;
  periodEnd: string;
  isCurrent: boolean;
}

const warning = (code: PlanWarning['code'], message: string, themeId: string | null = null): PlanWarning => ({
  code,
  message,
  themeId,
});

/** Gentle hints about a plan; never a reason to refuse a save. Old versions get none. */
export function planWarnings(plan: WarnedPlan, today: string): PlanWarning[] {
  if (!plan.isCurrent) return [];
  const out: PlanWarning[] = [];
  const count = plan.themes.length;
  if (count < THEMES_MIN) {
    out.push(
      warning(
        'few_themes',
        `A plan works best with ${THEMES_MIN} to ${THEMES_MAX} themes; this one has ${count}. That is fine while you draft.`,
      ),
    );
  }
  if (count > THEMES_MAX) {
    out.push(
      warning(
        'many_themes',
        `This plan has ${count} themes. ${THEMES_MIN} to ${THEMES_MAX} get more attention each; could some wait for the next quarter?`,
      ),
    );
  }
  for (const theme of plan.themes) {
    if (theme.actions.length === 0)
      out.push(warning('theme_without_actions', `“${theme.title}” has no actions yet.`, theme.id));
    if (theme.areas.length === 0 && theme.traits.length === 0) {
      out.push(
        warning(
          'theme_without_focus',
          `“${theme.title}” does not name an area or trait it serves yet.`,
          theme.id,
        ),
      );
    }
  }
  // The seed: "Ensure the plan addresses personality traits (like curiosity or empathy) as well as hard skills."
  if (count > 0 && plan.themes.every((t) => t.traits.length === 0)) {
    out.push(
      warning(
        'no_trait',
        'No theme names a personality trait yet. A plan grows people best when it works on traits like curiosity or empathy as well as skills.',
      ),
    );
  }
  if (plan.ownership.manyFromCoach) {
    out.push(
      warning(
        'many_from_coach',
        'Most of this plan came from the coach’s suggestions. A plan grows people best when the PM writes it in their own words.',
      ),
    );
  }
  if (plan.refreshDue)
    out.push(
      warning(
        'refresh_due',
        'This version is a quarter old: time for a refresh with a new headline or focus.',
      ),
    );
  if (plan.periodEnd < today) out.push(warning('period_over', `The plan period ended on ${plan.periodEnd}.`));
  return out;
}
