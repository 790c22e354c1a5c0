import type { Attribution, Plan, PlanAction, PlanTheme } from '../../../../common/plans.js';
import type { Side } from '../../../../common/schemas.js';
import type { Db } from '../../../db/database.js';
import type { PlanTable } from '../../../db/schema.js';
import { recordAccess } from '../../../privacy/access-log.js';
import { may, sideMay, type Grant } from '../../../privacy/authorize.js';
import type { Viewer } from '../../../privacy/rules.js';
import { presentVision } from '../visions/vision-presenter.js';
import { commentsVisibleTo } from './comment-presenter.js';
import { planOwnership } from './ownership.js';
import { isRefreshDue, refreshDueAt, today } from './plan-dates.js';
import { pmFramework } from './plan-targets.js';
import { planWarnings } from './plan-warnings.js';
import { presentSuggestion, suggestionRows } from './suggestion-presenter.js';

export type PlanRow = PlanTable;

/** The PM's current plan version, or a given version number. */
export async function findPlanRow(db: Db, pmId: string, version?: number): Promise<PlanRow | undefined> {
  let query = db.selectFrom('plans').selectAll().where('pm_id', '=', pmId);
  query =
    version === undefined ? query.where('replaced_at', 'is', null) : query.where('number', '=', version);
  return query.executeTakeFirst();
}

interface Attributed {
  origin: Side;
  suggested_by: string | null;
  suggester_name: string | null;
  suggester_email: string | null;
  adopted_at: string | null;
  suggestion_id: string | null;
}

const attributionOf = (r: Attributed): Attribution => ({
  origin: r.origin,
  suggestedBy: r.suggested_by
    ? { id: r.suggested_by, name: r.suggester_name ?? '', email: r.suggester_email ?? '' }
    : null,
  adoptedAt: r.adopted_at,
  suggestionId: r.suggestion_id,
});

/**
 * The themes of a version, in order, with their areas, traits and actions. Areas and traits are
 * named as the PM's framework names them now (decision 062); the name stored with the theme is
 * what is left when the framework no longer has the key.
 */
export async function loadThemes(db: Db, planId: string, pmId: string): Promise<PlanTheme[]> {
  const themes = await db
    .selectFrom('plan_themes')
    .leftJoin('users', 'users.id', 'plan_themes.suggested_by')
    .selectAll('plan_themes')
    .select(['users.name as suggester_name', 'users.email as suggester_email'])
    .where('plan_id', '=', planId)
    .orderBy('position')
    .execute();
  if (!themes.length) return [];
  const targets = await db
    .selectFrom('plan_theme_targets')
    .selectAll()
    .where(
      'theme_id',
      'in',
      themes.map((t) => t.id),
    )
    .orderBy('position')
    .execute();
  const { content } = targets.length ? await pmFramework(db, pmId) : { content: null };
  const names = new Map([...(content?.areas ?? []), ...(content?.traits ?? [])].map((x) => [x.key, x.name]));
  const actions = await db
    .selectFrom('plan_actions')
    .leftJoin('users', 'users.id', 'plan_actions.suggested_by')
    .selectAll('plan_actions')
    .select(['users.name as suggester_name', 'users.email as suggester_email'])
    .where('plan_id', '=', planId)
    .orderBy('position')
    .execute();
  return themes.map((t) => {
    const mine = (kind: 'area' | 'trait') =>
      targets
        .filter((x) => x.theme_id === t.id && x.kind === kind)
        .map((x) => ({ key: x.key, name: names.get(x.key) ?? x.name }));
    const themeActions: PlanAction[] = actions
      .filter((a) => a.theme_id === t.id)
      .map((a) => ({
        id: a.id,
        lineageId: a.lineage_id,
        themeId: a.theme_id,
        text: a.text,
        dueOn: a.due_on,
        status: a.status,
        evidence: a.evidence,
        doneAt: a.done_at,
        attribution: attributionOf(a),
      }));
    return {
      id: t.id,
      lineageId: t.lineage_id,
      title: t.title,
      why: t.why,
      serves: t.serves ?? '',
      areas: mine('area'),
      traits: mine('trait'),
      attribution: attributionOf(t),
      actions: themeActions,
    };
  });
}

/**
 * What the plan serves: the shared vision as this viewer may see it (the vision's own reading, so
 * its rules apply here too), or null when none is agreed yet.
 */
async function planPurpose(db: Db, viewer: Viewer): Promise<Plan['purpose']> {
  const agreed = (await presentVision(db, viewer)).agreed;
  if (!agreed) return null;
  return {
    nextBiggerChallenge: agreed.nextBiggerChallenge,
    careerDirection: agreed.careerDirection,
    agreedAt: agreed.decidedAt,
  };
}

/** Presents a plan version for one viewer: themes, ownership, warnings, comments, suggestions. */
export async function presentPlan(input: {
  db: Db;
  row: PlanRow;
  viewer: Viewer;
  now?: Date;
}): Promise<Plan> {
  const { db, row, viewer, now = new Date() } = input;
  const themes = await loadThemes(db, row.id, row.pm_id);
  const isCurrent = row.replaced_at === null;
  const ownership = planOwnership(themes);
  const refreshDue = isCurrent && isRefreshDue(row.created_at, now);
  const comments = await commentsVisibleTo(db, row.id, viewer);
  // A new coach sees the suggestions made during their pairing, earlier ones if the PM shared them.
  const suggestions = (await suggestionRows(db, row.id))
    .filter((s) =>
      may(viewer, 'plan-suggestion:see', {
        history: { part: 'comments', at: s.created_at },
      }),
    )
    .map(presentSuggestion);
  return {
    id: row.id,
    pmId: row.pm_id,
    version: row.number,
    isCurrent,
    headline: row.headline,
    focus: row.focus,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    startedAt: row.created_at,
    replacedAt: row.replaced_at,
    updatedAt: row.updated_at,
    refreshDueAt: refreshDueAt(row.created_at),
    refreshDue,
    purpose: await planPurpose(db, viewer),
    themes,
    ownership,
    warnings: planWarnings(
      { themes, ownership, refreshDue, periodEnd: row.period_end, isCurrent },
      today(now),
    ),
    comments,
    suggestions,
    viewer: {
      side: viewer.side,
      canEdit: isCurrent && sideMay('plan:write', viewer.side),
      canSuggest: isCurrent && sideMay('plan-suggestion:create', viewer.side),
    },
  };
}

/**
 * The last step of a granted plan request: presents the current version for the grant, logs the
 * access once, then answers. A request refused or failed earlier never gets here, so leaves no entry.
 */
export async function answerWithCurrentPlan(db: Db, grant: Grant, resource: string): Promise<Plan> {
  const plan = await presentPlan({ db, row: (await findPlanRow(db, grant.pmId))!, viewer: grant });
  await recordAccess({ db, grant, resource });
  return plan;
}
