import type { CommentInput } from '../../../../common/plans.js';
import type { Db } from '../../../db/database.js';
import { AppError, notFound } from '../../../http/errors.js';
import { recordAccess } from '../../../privacy/access-log.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorize } from '../../../privacy/authorize.js';
import { newId, nowIso } from '../../../util.js';
import { findPlanRow, presentPlan } from './plan-reading.js';
import { currentAction, currentPlanOrFail, currentTheme } from './plan-writing.js';
import { seal } from '../../../crypto/sealed-fields.js';

interface Call {
  db: Db;
  actor: Actor;
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
  const grant = await authorize({ db, actor, action: 'plan:comment', pmId });
  const plan = await currentPlanOrFail(db, pmId);
  const target = await targetOf(input, comment);
  await db
    .insertInto('plan_comments')
    .values({
      id: newId(),
      plan_id: plan.id,
      theme_id: target.themeId,
      action_id: target.actionId,
      author_id: grant.actorId,
      body: seal(db, 'plan_comments.body', comment.body),
      is_private: comment.private ? 1 : 0,
      created_at: nowIso(),
    })
    .execute();
  const answer = await presentPlan({ db, row: plan, viewer: grant });
  await recordAccess({ db, grant, resource: 'plan comment' });
  return answer;
}

/** A comment on this PM's plan (any version), or not found. */
async function commentOf(db: Db, pmId: string, id: string) {
  const comment = await db
    .selectFrom('plan_comments')
    .innerJoin('plans', 'plans.id', 'plan_comments.plan_id')
    .select([
      'plan_comments.id',
      'plan_comments.author_id',
      'plan_comments.is_private',
      'plan_comments.created_at',
      'plans.number',
    ])
    .where('plan_comments.id', '=', id)
    .where('plans.pm_id', '=', pmId)
    .executeTakeFirst();
  if (!comment) throw notFound();
  return comment;
}

/**
 * Its author removes a comment. Only someone who may see the plan learns whether the comment
 * exists; the rules then refuse someone else's private note as missing, and a comment of the
 * other side with a reason.
 */
export async function removeComment(input: Call & { commentId: string }) {
  const { db, actor, pmId } = input;
  await authorize({ db, actor, action: 'plan:read', pmId });
  const comment = await commentOf(db, pmId, input.commentId);
  const grant = await authorize({
    db,
    actor,
    action: 'plan-comment:remove',
    pmId,
    thing: { comment, history: { part: 'comments', at: comment.created_at } },
  });
  await db.deleteFrom('plan_comments').where('id', '=', comment.id).execute();
  const answer = await presentPlan({
    db,
    row: (await findPlanRow(db, pmId, comment.number))!,
    viewer: grant,
  });
  await recordAccess({ db, grant, resource: 'plan comment' });
  return answer;
}
