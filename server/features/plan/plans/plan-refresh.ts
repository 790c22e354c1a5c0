import type { Db } from '../../../db/database.js';
import { newId, nowIso } from '../../../util.js';
import type { PlanRow } from './plan-reading.js';

/**
 * Copies every theme (with its areas and traits) and action of one version into another,
 * keeping lineage and attribution, and moves the open suggestions along so no idea is lost.
 * Comments stay with the version they were made on. Runs inside the refresh transaction.
 */
export async function copyPlanContent(tx: Db, from: PlanRow, toPlanId: string) {
  const now = nowIso();
  const themes = await tx.selectFrom('plan_themes').selectAll().where('plan_id', '=', from.id).execute();
  const themeIds = new Map<string, string>();
  for (const theme of themes) {
    const id = newId();
    themeIds.set(theme.id, id);
    await tx
      .insertInto('plan_themes')
      .values({ ...theme, id, plan_id: toPlanId, created_at: now, updated_at: now })
      .execute();
  }
  if (themes.length) {
    const targets = await tx
      .selectFrom('plan_theme_targets')
      .selectAll()
      .where('theme_id', 'in', [...themeIds.keys()])
      .execute();
    if (targets.length) {
      await tx
        .insertInto('plan_theme_targets')
        .values(targets.map((t) => ({ ...t, theme_id: themeIds.get(t.theme_id)! })))
        .execute();
    }
  }
  const actions = await tx.selectFrom('plan_actions').selectAll().where('plan_id', '=', from.id).execute();
  const actionIds = new Map<string, string>();
  for (const action of actions) {
    const id = newId();
    actionIds.set(action.id, id);
    await tx
      .insertInto('plan_actions')
      .values({
        ...action,
        id,
        plan_id: toPlanId,
        theme_id: themeIds.get(action.theme_id)!,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  const open = await tx
    .selectFrom('plan_suggestions')
    .select(['id', 'theme_id', 'action_id'])
    .where('plan_id', '=', from.id)
    .where('status', '=', 'open')
    .execute();
  for (const s of open) {
    await tx
      .updateTable('plan_suggestions')
      .set({
        plan_id: toPlanId,
        theme_id: s.theme_id ? (themeIds.get(s.theme_id) ?? null) : null,
        action_id: s.action_id ? (actionIds.get(s.action_id) ?? null) : null,
      })
      .where('id', '=', s.id)
      .execute();
  }
}
