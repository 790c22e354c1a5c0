import type { PlanInput, PlanPatch, PlanVersionInfo, RefreshInput } from '../../../../common/plans.js';
import type { Db } from '../../../db/database.js';
import { checkEditVersions } from '../../../db/edit-versions.js';
import { AppError, notFound } from '../../../http/errors.js';
import { recordAccess } from '../../../privacy/access-log.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorize } from '../../../privacy/authorize.js';
import { visiblePlanVersions } from '../../../privacy/visible-history.js';
import { newId, nowIso } from '../../../util.js';
import { addMonths, defaultPeriod, today } from './plan-dates.js';
import { planFileName, renderPlanMarkdown } from './plan-markdown.js';
import { answerWithCurrentPlan, findPlanRow, presentPlan } from './plan-reading.js';
import { copyPlanContent } from './plan-refresh.js';
import { targetsFor } from './plan-targets.js';
import { currentPlanOrFail, insertAction, insertTheme } from './plan-writing.js';

const isUniqueViolation = (error: unknown) =>
  error instanceof Error && /unique|duplicate/i.test(error.message);

function checkPeriod(start: string, end: string) {
  if (end <= start)
    throw new AppError('validation_failed', 'periodEnd: must be after the start of the period');
}

interface Call {
  db: Db;
  actor: Actor;
  pmId: string;
}

const grantTo = (c: Call, action: 'plan:read' | 'plan:write') =>
  authorize({ db: c.db, actor: c.actor, action, pmId: c.pmId });

/** A version made and replaced before a new coach's pairing is missing for them unless the PM shared it (decision 038). */
const mayOpenVersion = (c: Call, row: { replaced_at: string | null }) =>
  authorize({
    db: c.db,
    actor: c.actor,
    action: 'plan-version:read',
    pmId: c.pmId,
    thing: { planVersion: row },
  });

/** The PM's current plan as the actor sees it (null before the PM starts one: nothing shown, nothing logged). */
export async function getCurrentPlan(input: Call) {
  const { db, pmId } = input;
  const grant = await grantTo(input, 'plan:read');
  const row = await findPlanRow(db, pmId);
  if (!row) return null;
  const plan = await presentPlan({ db, row, viewer: grant });
  await recordAccess({ db, grant, resource: 'plan' });
  return plan;
}

/** One version of the plan, current or replaced (old versions stay readable). */
export async function getPlanVersion(input: Call & { version: number }) {
  const { db, pmId, version } = input;
  const grant = await grantTo(input, 'plan:read');
  const row = await findPlanRow(db, pmId, version);
  if (!row) throw notFound();
  await mayOpenVersion(input, row);
  const plan = await presentPlan({ db, row, viewer: grant });
  await recordAccess({ db, grant, resource: `plan version ${version}` });
  return plan;
}

/** Every version of the plan, newest first. */
export async function listPlanVersions(input: Call): Promise<PlanVersionInfo[]> {
  const { db } = input;
  const grant = await grantTo(input, 'plan:read');
  const rows = await visiblePlanVersions(db, grant).selectAll().orderBy('number', 'desc').execute();
  await recordAccess({ db, grant, resource: 'plan versions' });
  return rows.map((r) => ({
    version: r.number,
    headline: r.headline,
    focus: r.focus,
    startedAt: r.created_at,
    replacedAt: r.replaced_at,
    isCurrent: r.replaced_at === null,
  }));
}

/** The PM starts their plan: headline, period (six months from today by default), first themes. */
export async function createPlan(input: Call & { plan: PlanInput }) {
  const { db, pmId, plan } = input;
  const grant = await grantTo(input, 'plan:write');
  if (await findPlanRow(db, pmId))
    throw new AppError(
      'conflict',
      'There is already a plan. Change it, or start a quarterly refresh for a new version.',
    );
  const period = defaultPeriod();
  const start = plan.periodStart ?? period.start;
  const end = plan.periodEnd ?? addMonths(start, 6);
  checkPeriod(start, end);
  const targets = await Promise.all(
    plan.themes.map((t, i) => targetsFor(db, pmId, t.areas, t.traits, `themes.${i}.`)),
  );
  const id = newId();
  const now = nowIso();
  try {
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto('plans')
        .values({
          id,
          pm_id: pmId,
          number: 1,
          headline: plan.headline,
          focus: plan.focus,
          period_start: start,
          period_end: end,
          created_at: now,
          updated_at: now,
          replaced_at: null,
        })
        .execute();
      for (const [i, theme] of plan.themes.entries()) {
        const themeId = await insertTheme(tx, {
          planId: id,
          title: theme.title,
          why: theme.why,
          serves: theme.serves,
          targets: targets[i]!,
          origin: { origin: 'pm' },
        });
        for (const action of theme.actions)
          await insertAction(tx, { planId: id, themeId, action, origin: { origin: 'pm' } });
      }
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'There is already a plan. Reload the page.');
    throw error;
  }
  return answerWithCurrentPlan(db, grant, 'plan');
}

/** The PM changes the headline, focus or period of the current version. */
export async function updatePlan(input: Call & { patch: PlanPatch }) {
  const { db, pmId, patch } = input;
  const grant = await grantTo(input, 'plan:write');
  const row = await currentPlanOrFail(db, pmId);
  checkPeriod(patch.periodStart ?? row.period_start, patch.periodEnd ?? row.period_end);
  await db.transaction().execute(async (tx) => {
    await checkEditVersions(tx, {
      table: 'plans',
      row: { id: row.id },
      fields: { headline: 'headline', focus: 'focus' },
      versions: patch.versions,
    });
    await tx
      .updateTable('plans')
      .set({
        headline: patch.headline,
        focus: patch.focus,
        period_start: patch.periodStart,
        period_end: patch.periodEnd,
        updated_at: nowIso(),
      })
      .where('id', '=', row.id)
      .execute();
  });
  return answerWithCurrentPlan(db, grant, 'plan');
}

/**
 * Quarterly refresh: a new version with a new headline or focus starts as a copy of the current
 * one, which stays readable as it was. Open suggestions move to the new version.
 */
export async function refreshPlan(input: Call & { refresh: RefreshInput }) {
  const { db, pmId, refresh } = input;
  const grant = await grantTo(input, 'plan:write');
  const current = await currentPlanOrFail(db, pmId);
  const periodOver = current.period_end < today();
  const start = periodOver ? today() : current.period_start;
  const end = refresh.periodEnd ?? (periodOver ? addMonths(start, 6) : current.period_end);
  checkPeriod(start, end);
  const now = nowIso();
  try {
    await db.transaction().execute(async (tx) => {
      const replaced = await tx
        .updateTable('plans')
        .set({ replaced_at: now })
        .where('id', '=', current.id)
        .where('replaced_at', 'is', null)
        .executeTakeFirst();
      if (Number(replaced.numUpdatedRows) !== 1)
        throw new AppError('conflict', 'The plan was just refreshed. Reload the page.');
      const id = newId();
      await tx
        .insertInto('plans')
        .values({
          id,
          pm_id: pmId,
          number: current.number + 1,
          headline: refresh.headline,
          focus: refresh.focus,
          period_start: start,
          period_end: end,
          created_at: now,
          updated_at: now,
          replaced_at: null,
        })
        .execute();
      await copyPlanContent(tx, current, id);
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('conflict', 'The plan was just refreshed. Reload the page.');
    throw error;
  }
  return answerWithCurrentPlan(db, grant, 'plan');
}

/** The plan (current, or a given version) as a Markdown file. */
export async function exportPlanMarkdown(input: Call & { version?: number }) {
  const { db, pmId, version } = input;
  const grant = await grantTo(input, 'plan:read');
  const row = await findPlanRow(db, pmId, version);
  if (!row && version === undefined) throw new AppError('not_found', 'There is no plan yet to export.');
  if (!row) throw notFound();
  await mayOpenVersion(input, row);
  const plan = await presentPlan({ db, row, viewer: grant });
  const pm = await db.selectFrom('users').select('name').where('id', '=', pmId).executeTakeFirstOrThrow();
  await recordAccess({ db, grant, resource: `plan version ${plan.version} export` });
  return { fileName: planFileName(pm.name, plan.version), markdown: renderPlanMarkdown(plan, pm.name) };
}
