import type { SuggestionInput } from '../../../../common/plans.js';
import type { Db } from '../../../db/database.js';
import { AppError, notFound } from '../../../http/errors.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorize } from '../../../privacy/authorize.js';
import { newId, nowIso } from '../../../util.js';
import { answerWithCurrentPlan } from './plan-reading.js';
import { targetsFor } from './plan-targets.js';
import { currentAction, currentPlanOrFail, currentTheme } from './plan-writing.js';
import { applySuggestion } from './suggestion-apply.js';
import { seal } from '../../../crypto/sealed-fields.js';

/** Suggestions: the coach proposes, the PM accepts or declines with one call. Never a silent edit. */

interface Call {
  db: Db;
  actor: Actor;
  pmId: string;
}

const resource = 'plan suggestion';

/** What a suggestion is about, checked against the current version. */
async function subjectOf(c: Call, s: SuggestionInput) {
  if (s.kind === 'new_theme')
    return { themeId: null, actionId: null, targets: await targetsFor(c.db, c.pmId, s.areas, s.traits) };
  if (s.kind === 'reword_action') {
    const action = await currentAction(c.db, c.pmId, s.actionId);
    return { themeId: action.theme_id, actionId: action.id, targets: [] };
  }
  const theme = await currentTheme(c.db, c.pmId, s.themeId);
  return { themeId: theme.id, actionId: null, targets: [] };
}

/** A coach suggests a new theme, a new action, or new words for a theme or action. */
export async function createSuggestion(input: Call & { suggestion: SuggestionInput }) {
  const { db, actor, pmId, suggestion: s } = input;
  const grant = await authorize({ db, actor, action: 'plan-suggestion:create', pmId });
  const plan = await currentPlanOrFail(db, pmId);
  const subject = await subjectOf(input, s);
  await db
    .insertInto('plan_suggestions')
    .values({
      id: newId(),
      plan_id: plan.id,
      author_id: grant.actorId,
      kind: s.kind,
      theme_id: subject.themeId,
      action_id: subject.actionId,
      title: s.kind === 'new_theme' || s.kind === 'reword_theme' ? s.title : null,
      why: s.kind === 'new_theme' ? s.why : s.kind === 'reword_theme' ? (s.why ?? null) : null,
      text: s.kind === 'new_action' || s.kind === 'reword_action' ? s.text : null,
      due_on: s.kind === 'new_action' ? s.dueOn : null,
      targets: JSON.stringify(subject.targets),
      message: seal(db, 'plan_suggestions.message', s.message),
      status: 'open',
      created_at: nowIso(),
      decided_at: null,
      decline_reason: null,
      result_theme_id: null,
      result_action_id: null,
    })
    .execute();
  return answerWithCurrentPlan(db, grant, resource);
}

/** A suggestion on this PM's plan, or not found. */
async function suggestionOf(db: Db, pmId: string, id: string) {
  const s = await db
    .selectFrom('plan_suggestions')
    .innerJoin('plans', 'plans.id', 'plan_suggestions.plan_id')
    .selectAll('plan_suggestions')
    .where('plan_suggestions.id', '=', id)
    .where('plans.pm_id', '=', pmId)
    .executeTakeFirst();
  if (!s) throw notFound();
  return s;
}

/** Moves an open suggestion to its decision; a second decision is a conflict. */
async function decide(
  db: Db,
  id: string,
  set: { status: 'accepted' | 'declined' | 'withdrawn'; decline_reason?: string },
) {
  const done = await db
    .updateTable('plan_suggestions')
    .set({ ...set, decided_at: nowIso() })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1)
    throw new AppError('conflict', 'This suggestion was already decided.');
}

/** The PM adopts a suggestion: it becomes part of the plan, credited to the coach. */
export async function acceptSuggestion(input: Call & { suggestionId: string }) {
  const { db, actor, pmId, suggestionId } = input;
  const grant = await authorize({ db, actor, action: 'plan-suggestion:decide', pmId });
  const s = await suggestionOf(db, pmId, suggestionId);
  await db.transaction().execute(async (tx) => {
    await decide(tx, s.id, { status: 'accepted' });
    const result = await applySuggestion(tx, s);
    await tx
      .updateTable('plan_suggestions')
      .set({ result_theme_id: result.themeId, result_action_id: result.actionId })
      .where('id', '=', s.id)
      .execute();
  });
  return answerWithCurrentPlan(db, grant, resource);
}

/** The PM declines a suggestion, optionally saying why. */
export async function declineSuggestion(input: Call & { suggestionId: string; reason: string }) {
  const { db, actor, pmId } = input;
  const grant = await authorize({ db, actor, action: 'plan-suggestion:decide', pmId });
  const s = await suggestionOf(db, pmId, input.suggestionId);
  await decide(db, s.id, {
    status: 'declined',
    decline_reason: seal(db, 'plan_suggestions.decline_reason', input.reason),
  });
  return answerWithCurrentPlan(db, grant, resource);
}

/**
 * Its author withdraws an open suggestion. Only someone who may see the plan learns whether the
 * suggestion exists; the rules then refuse the PM and the other coaches with a reason.
 */
export async function withdrawSuggestion(input: Call & { suggestionId: string }) {
  const { db, actor, pmId } = input;
  await authorize({ db, actor, action: 'plan:read', pmId });
  const suggestion = await suggestionOf(db, pmId, input.suggestionId);
  const grant = await authorize({
    db,
    actor,
    action: 'plan-suggestion:withdraw',
    pmId,
    thing: { suggestion, history: { part: 'comments', at: suggestion.created_at } },
  });
  await decide(db, suggestion.id, { status: 'withdrawn' });
  return answerWithCurrentPlan(db, grant, resource);
}
