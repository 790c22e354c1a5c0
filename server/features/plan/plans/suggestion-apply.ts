import type { Db } from '../../../db/database.js';
import type { PlanSuggestionTable } from '../../../db/schema.js';
import { AppError } from '../../../http/errors.js';
import { nowIso } from '../../../util.js';
import { insertAction, insertTheme, touchPlan, type Origin } from './plan-writing.js';
import { parseTargets } from './suggestion-presenter.js';

const gone = () =>
  new AppError('conflict', 'The theme or action this suggestion was about is no longer in the plan.');

/**
 * Applies an accepted suggestion to the plan, recording it as the coach's idea adopted by the
 * PM. Returns what it became. Runs inside the accepting transaction.
 */
export async function applySuggestion(
  tx: Db,
  s: PlanSuggestionTable,
): Promise<{ themeId: string | null; actionId: string | null }> {
  const adoptedAt = nowIso();
  const origin: Origin = { origin: 'coach', suggestedBy: s.author_id, suggestionId: s.id, adoptedAt };
  const attribution = {
    origin: 'coach' as const,
    suggested_by: s.author_id,
    suggestion_id: s.id,
    adopted_at: adoptedAt,
    updated_at: adoptedAt,
  };
  await touchPlan(tx, s.plan_id);
  switch (s.kind) {
    case 'new_theme': {
      const themeId = await insertTheme(tx, {
        planId: s.plan_id,
        title: s.title!,
        why: s.why ?? '',
        targets: parseTargets(s.targets),
        origin,
      });
      return { themeId, actionId: null };
    }
    case 'reword_theme': {
      if (!s.theme_id) throw gone();
      await tx
        .updateTable('plan_themes')
        .set({ title: s.title!, ...(s.why === null ? {} : { why: s.why }), ...attribution })
        .where('id', '=', s.theme_id)
        .execute();
      return { themeId: s.theme_id, actionId: null };
    }
    case 'new_action': {
      if (!s.theme_id) throw gone();
      const action = { text: s.text!, dueOn: s.due_on, status: 'not_started' as const, evidence: '' };
      const actionId = await insertAction(tx, { planId: s.plan_id, themeId: s.theme_id, action, origin });
      return { themeId: s.theme_id, actionId };
    }
    case 'reword_action': {
      if (!s.action_id) throw gone();
      await tx
        .updateTable('plan_actions')
        .set({ text: s.text!, ...attribution })
        .where('id', '=', s.action_id)
        .execute();
      return { themeId: null, actionId: s.action_id };
    }
  }
}
