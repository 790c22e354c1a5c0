import type { ActionInput } from '../../../../common/plans.js';
import type { Db } from '../../../db/database.js';
import { AppError, notFound } from '../../../http/errors.js';
import { newId, nowIso } from '../../../util.js';
import type { StoredTarget } from './plan-targets.js';
import { findPlanRow, type PlanRow } from './plan-reading.js';

/** Who a theme or action comes from: the PM, or the coach whose suggestion the PM adopted. */
export type Origin =
  { origin: 'pm' } | { origin: 'coach'; suggestedBy: string; suggestionId: string; adoptedAt: string };

const originColumns = (o: Origin) =>
  o.origin === 'pm'
    ? { origin: 'pm' as const, suggested_by: null, suggestion_id: null, adopted_at: null }
    : {
        origin: 'coach' as const,
        suggested_by: o.suggestedBy,
        suggestion_id: o.suggestionId,
        adopted_at: o.adoptedAt,
      };

/** The PM's current plan version, for a change; none yet is a 404 with a hint. */
export async function currentPlanOrFail(db: Db, pmId: string): Promise<PlanRow> {
  const row = await findPlanRow(db, pmId);
  if (!row) throw new AppError('not_found', 'There is no plan yet. The PM starts one first.');
  return row;
}

/** A theme of the PM's current version; a theme of an older version is read-only. */
export async function currentTheme(db: Db, pmId: string, themeId: string) {
  const theme = await db
    .selectFrom('plan_themes')
    .innerJoin('plans', 'plans.id', 'plan_themes.plan_id')
    .selectAll('plan_themes')
    .select('plans.replaced_at')
    .where('plan_themes.id', '=', themeId)
    .where('plans.pm_id', '=', pmId)
    .executeTakeFirst();
  if (!theme) throw notFound();
  if (theme.replaced_at)
    throw new AppError(
      'conflict',
      'That theme belongs to an older version of the plan, which stays as it was. Change the current version.',
    );
  return theme;
}

/** An action of the PM's current version; an action of an older version is read-only. */
export async function currentAction(db: Db, pmId: string, actionId: string) {
  const action = await db
    .selectFrom('plan_actions')
    .innerJoin('plans', 'plans.id', 'plan_actions.plan_id')
    .selectAll('plan_actions')
    .select('plans.replaced_at')
    .where('plan_actions.id', '=', actionId)
    .where('plans.pm_id', '=', pmId)
    .executeTakeFirst();
  if (!action) throw notFound();
  if (action.replaced_at)
    throw new AppError(
      'conflict',
      'That action belongs to an older version of the plan, which stays as it was. Change the current version.',
    );
  return action;
}

export const touchPlan = (db: Db, planId: string) =>
  db.updateTable('plans').set({ updated_at: nowIso() }).where('id', '=', planId).execute();

/** Replaces a theme's areas and traits. */
export async function writeTargets(db: Db, themeId: string, targets: readonly StoredTarget[]) {
  await db.deleteFrom('plan_theme_targets').where('theme_id', '=', themeId).execute();
  if (targets.length) {
    await db
      .insertInto('plan_theme_targets')
      .values(targets.map((t, position) => ({ theme_id: themeId, ...t, position })))
      .execute();
  }
}

/** Adds a theme at the end of a version. */
export async function insertTheme(
  db: Db,
  input: {
    planId: string;
    title: string;
    why: string;
    serves?: string;
    targets: readonly StoredTarget[];
    origin: Origin;
    lineageId?: string;
  },
) {
  const id = newId();
  const now = nowIso();
  const last = await db
    .selectFrom('plan_themes')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('plan_id', '=', input.planId)
    .executeTakeFirst();
  const position = last?.max === null || last?.max === undefined ? 0 : Number(last.max) + 1;
  await db
    .insertInto('plan_themes')
    .values({
      id,
      plan_id: input.planId,
      lineage_id: input.lineageId ?? id,
      position,
      title: input.title,
      why: input.why,
      serves: input.serves || null,
      ...originColumns(input.origin),
      created_at: now,
      updated_at: now,
    })
    .execute();
  await writeTargets(db, id, input.targets);
  return id;
}

/** Adds an action at the end of a theme. */
export async function insertAction(
  db: Db,
  input: {
    planId: string;
    themeId: string;
    action: ActionInput;
    origin: Origin;
    lineageId?: string;
    doneAt?: string | null;
  },
) {
  const id = newId();
  const now = nowIso();
  const { action } = input;
  const last = await db
    .selectFrom('plan_actions')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('theme_id', '=', input.themeId)
    .executeTakeFirst();
  const position = last?.max === null || last?.max === undefined ? 0 : Number(last.max) + 1;
  await db
    .insertInto('plan_actions')
    .values({
      id,
      plan_id: input.planId,
      theme_id: input.themeId,
      lineage_id: input.lineageId ?? id,
      position,
      text: action.text,
      due_on: action.dueOn,
      status: action.status,
      evidence: action.evidence,
      done_at: input.doneAt !== undefined ? input.doneAt : action.status === 'done' ? now : null,
      ...originColumns(input.origin),
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** Moves one row to `position` among its siblings (0 = first) and renumbers them. */
export async function moveTo(
  db: Db,
  table: 'plan_themes' | 'plan_actions',
  siblingIds: string[],
  id: string,
  position: number,
) {
  const order = siblingIds.filter((s) => s !== id);
  order.splice(Math.min(position, order.length), 0, id);
  for (const [index, rowId] of order.entries()) {
    await db.updateTable(table).set({ position: index }).where('id', '=', rowId).execute();
  }
}
