import type { CommentInput } from '../../../common/plans.js';
import type { Db } from '../../db/database.js';
import { AppError, notFound } from '../../http/errors.js';
import type { Actor } from '../../privacy/actor.js';
import { newId, nowIso } from '../../util.js';
import { authorizePlan } from '../plans/plan-policy.js';
import { findPlanRow, presentPlan } from '../plans/plan-reading.js';
import { currentAction, currentPlanOrFail, currentTheme } from '../plans/plan-writing.js';
import { assertCanRemoveComment } from './comment-policy.js';

interface Call {
  db: Db;
  actor: Actor | null;
  pmId: string;
}

/** The part of the current version a comment is about: the plan, a theme, or an action. */
async function targetOf(c: Call, comment: CommentInput) {
  if (comment.actionId) {
    const action = await currentAction(c.db, c.pmId, comment.actionId);
    if (comment.themeId && comment.themeId !== action.theme_id)
      throw new AppError('validation_failed', 'themeId: is not the theme of that action');
    return { themeId: action.theme_id, actionId: action.id };
  }
  if (comment.themeId)
    return { themeId: (await currentTheme(c.db, c.pmId, comment.themeId)).id, actionId: null };
  return { themeId: null, actionId: null };
}

/** The PM or a coach comments on the plan, a theme or an action; a private note stays with its author. */
export async function addComment(input: Call & { comment: CommentInput }) {
  const { db, actor, pmId, comment } = input;
  const side = await authorizePlan({ db, actor, pmId, action: 'plan:comment', resource: 'plan comments' });
  const plan = await currentPlanOrFail(db, pmId);
  const target = await targetOf(input, comment);
  await db
    .insertInto('plan_comments')
    .values({
      id: newId(),
      plan_id: plan.id,
      theme_id: target.themeId,
      action_id: target.actionId,
      author_id: actor!.id,
      body: comment.body,
      is_private: comment.private ? 1 : 0,
      created_at: nowIso(),
    })
    .execute();
  return presentPlan({ db, row: plan, viewer: { id: actor!.id, side } });
}

const commentOf = (db: Db, pmId: string, id: string) =>
  db
    .selectFrom('plan_comments')
    .innerJoin('plans', 'plans.id', 'plan_comments.plan_id')
    .select(['plan_comments.id', 'plan_comments.author_id', 'plan_comments.is_private', 'plans.number'])
    .where('plan_comments.id', '=', id)
    .where('plans.pm_id', '=', pmId)
    .executeTakeFirst();

/** Its author removes a comment. */
export async function removeComment(input: Call & { commentId: string }) {
  const { db, actor, pmId, commentId } = input;
  const mayRemove = async () => {
    const comment = await commentOf(db, pmId, commentId);
    if (!comment) throw notFound('That comment');
    assertCanRemoveComment(comment, actor!.id);
  };
  const side = await authorizePlan({
    db,
    actor,
    pmId,
    action: 'plan:comment',
    resource: 'plan comments',
    check: mayRemove,
  });
  const comment = (await commentOf(db, pmId, commentId))!;
  await db.deleteFrom('plan_comments').where('id', '=', comment.id).execute();
  return presentPlan({
    db,
    row: (await findPlanRow(db, pmId, comment.number))!,
    viewer: { id: actor!.id, side },
  });
}
