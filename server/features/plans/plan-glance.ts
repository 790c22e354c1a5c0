import type { PlanGlance } from '../../../common/home.js';
import type { Db } from '../../db/database.js';
import type { Viewer } from '../../privacy/rules.js';
import { visibleSince } from '../../privacy/visible-history.js';
import { planOwnership } from './ownership.js';
import { isRefreshDue } from './plan-dates.js';
import { findPlanRow, loadThemes } from './plan-reading.js';

/**
 * The current plan at a glance, for a home page: its headline and counts, nothing of its
 * themes' text. Call only with a grant for the PM (home.ts); logs nothing.
 */
export async function planGlance(db: Db, viewer: Viewer, now = new Date()): Promise<PlanGlance | null> {
  const { pmId } = viewer;
  // A new coach counts the suggestions made during their pairing, earlier ones if the PM shared them.
  const from = visibleSince(viewer, 'comments');
  const row = await findPlanRow(db, pmId);
  if (!row) return null;
  const themes = await loadThemes(db, row.id);
  const actions = themes.flatMap((t) => t.actions);
  let openQuery = db
    .selectFrom('plan_suggestions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('plan_id', '=', row.id)
    .where('status', '=', 'open');
  if (from !== null) openQuery = openQuery.where('created_at', '>=', from);
  const open = await openQuery.executeTakeFirstOrThrow();
  return {
    headline: row.headline,
    themes: themes.length,
    actionsDone: actions.filter((a) => a.status === 'done').length,
    actionsTotal: actions.length,
    openSuggestions: Number(open.n),
    refreshDue: isRefreshDue(row.created_at, now),
    manyFromCoach: planOwnership(themes).manyFromCoach,
  };
}
