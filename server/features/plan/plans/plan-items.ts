import type { ActionInput, ActionPatch, ThemeInput, ThemePatch } from '../../../../common/plans.js';
import type { Db } from '../../../db/database.js';
import { checkEditVersions } from '../../../db/edit-versions.js';
import { AppError } from '../../../http/errors.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorize } from '../../../privacy/authorize.js';
import { nowIso } from '../../../util.js';
import { answerWithCurrentPlan } from './plan-reading.js';
import { targetsFor } from './plan-targets.js';
import {
  currentAction,
  currentPlanOrFail,
  currentTheme,
  insertAction,
  insertTheme,
  moveTo,
  touchPlan,
  writeTargets,
} from './plan-writing.js';

/** The PM's themes and actions: only the PM changes them, and only in the current version. */

interface Change {
  db: Db;
  actor: Actor;
  pmId: string;
}

const MAX_THEMES = 12;
const MAX_ACTIONS = 20;

/** The text fields that save while typing, API name → column (their version check: decision 057). */
const themeText = { title: 'title', why: 'why', serves: 'serves' };
const actionText = { text: 'text', evidence: 'evidence' };

const authorizeWrite = (c: Change) =>
  authorize({ db: c.db, actor: c.actor, action: 'plan:write', pmId: c.pmId });

/** Adds a theme (with its first actions) to the current version. */
export async function addTheme(input: Change & { theme: ThemeInput }) {
  const { db, pmId, theme } = input;
  const grant = await authorizeWrite(input);
  const plan = await currentPlanOrFail(db, pmId);
  const count = await db
    .selectFrom('plan_themes')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('plan_id', '=', plan.id)
    .executeTakeFirstOrThrow();
  if (Number(count.n) >= MAX_THEMES)
    throw new AppError('conflict', `A plan can hold at most ${MAX_THEMES} themes.`);
  const targets = await targetsFor(db, pmId, theme.areas, theme.traits);
  await db.transaction().execute(async (tx) => {
    const themeId = await insertTheme(tx, {
      planId: plan.id,
      title: theme.title,
      why: theme.why,
      serves: theme.serves,
      targets,
      origin: { origin: 'pm' },
    });
    for (const action of theme.actions)
      await insertAction(tx, { planId: plan.id, themeId, action, origin: { origin: 'pm' } });
    await touchPlan(tx, plan.id);
  });
  return answerWithCurrentPlan(db, grant, 'plan theme');
}

/** Changes a theme's words, areas, traits or place. Attribution stays: an adopted idea stays the coach's. */
export async function updateTheme(input: Change & { themeId: string; patch: ThemePatch }) {
  const { db, pmId, patch } = input;
  const grant = await authorizeWrite(input);
  const theme = await currentTheme(db, pmId, input.themeId);
  const current = await db
    .selectFrom('plan_theme_targets')
    .select(['kind', 'key'])
    .where('theme_id', '=', theme.id)
    .orderBy('position')
    .execute();
  const keys = (kind: 'area' | 'trait') => current.filter((t) => t.kind === kind).map((t) => t.key);
  const targets =
    patch.areas || patch.traits
      ? await targetsFor(db, pmId, patch.areas ?? keys('area'), patch.traits ?? keys('trait'))
      : null;
  await db.transaction().execute(async (tx) => {
    await checkEditVersions(tx, {
      table: 'plan_themes',
      row: { id: theme.id },
      fields: themeText,
      versions: patch.versions,
    });
    if (patch.title !== undefined || patch.why !== undefined || patch.serves !== undefined) {
      await tx
        .updateTable('plan_themes')
        .set({
          title: patch.title,
          why: patch.why,
          ...(patch.serves === undefined ? {} : { serves: patch.serves || null }),
          updated_at: nowIso(),
        })
        .where('id', '=', theme.id)
        .execute();
    }
    if (targets) await writeTargets(tx, theme.id, targets);
    if (patch.position !== undefined) {
      const siblings = await tx
        .selectFrom('plan_themes')
        .select('id')
        .where('plan_id', '=', theme.plan_id)
        .orderBy('position')
        .execute();
      await moveTo(
        tx,
        'plan_themes',
        siblings.map((s) => s.id),
        theme.id,
        patch.position,
      );
    }
    await touchPlan(tx, theme.plan_id);
  });
  return answerWithCurrentPlan(db, grant, 'plan theme');
}

/** Removes a theme with its actions; open suggestions about it become outdated. */
export async function removeTheme(input: Change & { themeId: string }) {
  const { db, pmId } = input;
  const grant = await authorizeWrite(input);
  const theme = await currentTheme(db, pmId, input.themeId);
  await db.transaction().execute(async (tx) => {
    const actionIds = (
      await tx.selectFrom('plan_actions').select('id').where('theme_id', '=', theme.id).execute()
    ).map((a) => a.id);
    await tx
      .updateTable('plan_suggestions')
      .set({ status: 'outdated', decided_at: nowIso() })
      .where('status', '=', 'open')
      .where((eb) =>
        eb.or([
          eb('theme_id', '=', theme.id),
          ...(actionIds.length ? [eb('action_id', 'in', actionIds)] : []),
        ]),
      )
      .execute();
    await tx.deleteFrom('plan_themes').where('id', '=', theme.id).execute();
    await touchPlan(tx, theme.plan_id);
  });
  return answerWithCurrentPlan(db, grant, 'plan theme');
}

/** Adds an action to a theme of the current version. */
export async function addAction(input: Change & { themeId: string; action: ActionInput }) {
  const { db, pmId } = input;
  const grant = await authorizeWrite(input);
  const theme = await currentTheme(db, pmId, input.themeId);
  const count = await db
    .selectFrom('plan_actions')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('theme_id', '=', theme.id)
    .executeTakeFirstOrThrow();
  if (Number(count.n) >= MAX_ACTIONS)
    throw new AppError('conflict', `A theme can hold at most ${MAX_ACTIONS} actions.`);
  await db.transaction().execute(async (tx) => {
    await insertAction(tx, {
      planId: theme.plan_id,
      themeId: theme.id,
      action: input.action,
      origin: { origin: 'pm' },
    });
    await touchPlan(tx, theme.plan_id);
  });
  return answerWithCurrentPlan(db, grant, 'plan action');
}

/** Changes an action: its words, due date, status, evidence or place in the theme. */
export async function updateAction(input: Change & { actionId: string; patch: ActionPatch }) {
  const { db, pmId, patch } = input;
  const grant = await authorizeWrite(input);
  const action = await currentAction(db, pmId, input.actionId);
  const now = nowIso();
  const doneAt =
    patch.status === undefined ? undefined : patch.status === 'done' ? (action.done_at ?? now) : null;
  await db.transaction().execute(async (tx) => {
    await checkEditVersions(tx, {
      table: 'plan_actions',
      row: { id: action.id },
      fields: actionText,
      versions: patch.versions,
    });
    await tx
      .updateTable('plan_actions')
      .set({
        text: patch.text,
        due_on: patch.dueOn,
        status: patch.status,
        evidence: patch.evidence,
        done_at: doneAt,
        updated_at: now,
      })
      .where('id', '=', action.id)
      .execute();
    if (patch.position !== undefined) {
      const siblings = await tx
        .selectFrom('plan_actions')
        .select('id')
        .where('theme_id', '=', action.theme_id)
        .orderBy('position')
        .execute();
      await moveTo(
        tx,
        'plan_actions',
        siblings.map((s) => s.id),
        action.id,
        patch.position,
      );
    }
    await touchPlan(tx, action.plan_id);
  });
  return answerWithCurrentPlan(db, grant, 'plan action');
}

/** Removes an action; open suggestions to reword it become outdated. */
export async function removeAction(input: Change & { actionId: string }) {
  const { db, pmId } = input;
  const grant = await authorizeWrite(input);
  const action = await currentAction(db, pmId, input.actionId);
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('plan_suggestions')
      .set({ status: 'outdated', decided_at: nowIso() })
      .where('status', '=', 'open')
      .where('action_id', '=', action.id)
      .execute();
    await tx.deleteFrom('plan_actions').where('id', '=', action.id).execute();
    await touchPlan(tx, action.plan_id);
  });
  return answerWithCurrentPlan(db, grant, 'plan action');
}
