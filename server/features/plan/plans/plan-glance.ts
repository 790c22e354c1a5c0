import type { PlanGlance } from '../../../../common/home.js';
import type { Db } from '../../../db/database.js';
import type { Viewer } from '../../../privacy/rules.js';
import { visibleSince } from '../../../privacy/visible-history.js';
import { planOwnership } from './ownership.js';
import { isRefreshDue } from './plan-dates.js';

/**
 * The current plans of several PMs at a glance, for a home page (its digest): each one's headline
 * and counts, nothing of its themes' text, in four queries whatever the number of PMs. One
 * glance per viewer, in their order (null: no plan yet). Call only with grants; logs nothing.
 */
export async function planGlances(
  db: Db,
  viewers: readonly Viewer[],
  now = new Date(),
): Promise<(PlanGlance | null)[]> {
  if (!viewers.length) return [];
  const plans = await db
    .selectFrom('plans')
    .select(['id', 'pm_id', 'headline', 'created_at'])
    .where(
      'pm_id',
      'in',
      viewers.map((v) => v.pmId),
    )
    .where('replaced_at', 'is', null)
    .execute();
  const planIds = plans.map((p) => p.id);
  const [themes, actions, open] = planIds.length
    ? [
        await db
          .selectFrom('plan_themes')
          .select(['id', 'plan_id', 'origin'])
          .where('plan_id', 'in', planIds)
          .execute(),
        await db
          .selectFrom('plan_actions')
          .select(['plan_id', 'theme_id', 'status', 'origin'])
          .where('plan_id', 'in', planIds)
          .execute(),
        await db
          .selectFrom('plan_suggestions')
          .select(['plan_id', 'created_at'])
          .where('plan_id', 'in', planIds)
          .where('status', '=', 'open')
          .execute(),
      ]
    : [[], [], []];
  return viewers.map((viewer) => {
    const row = plans.find((p) => p.pm_id === viewer.pmId);
    if (!row) return null;
    const mine = themes
      .filter((t) => t.plan_id === row.id)
      .map((t) => ({
        attribution: { origin: t.origin },
        actions: actions
          .filter((a) => a.theme_id === t.id)
          .map((a) => ({ status: a.status, attribution: { origin: a.origin } })),
      }));
    const all = mine.flatMap((t) => t.actions);
    // A new coach counts the suggestions made during their pairing, earlier ones if the PM shared them.
    const from = visibleSince(viewer, 'comments');
    return {
      headline: row.headline,
      themes: mine.length,
      actionsDone: all.filter((a) => a.status === 'done').length,
      actionsTotal: all.length,
      openSuggestions: open.filter((s) => s.plan_id === row.id && (from === null || s.created_at >= from))
        .length,
      refreshDue: isRefreshDue(row.created_at, now),
      manyFromCoach: planOwnership(mine).manyFromCoach,
    };
  });
}
