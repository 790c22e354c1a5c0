import type { PlanComment } from '../../../common/plans.js';
import type { Db } from '../../db/database.js';

/** The comments on a plan version the viewer may see (private notes only their author's), oldest first. */
export function visibleCommentRows(db: Db, planId: string, viewerId: string) {
  return db
    .selectFrom('plan_comments')
    .innerJoin('users', 'users.id', 'plan_comments.author_id')
    .selectAll('plan_comments')
    .select(['users.name as author_name', 'users.email as author_email'])
    .where('plan_comments.plan_id', '=', planId)
    .where((eb) =>
      eb.or([eb('plan_comments.is_private', '=', 0), eb('plan_comments.author_id', '=', viewerId)]),
    )
    .orderBy('plan_comments.created_at')
    .orderBy('plan_comments.id')
    .execute();
}

type CommentRow = Awaited<ReturnType<typeof visibleCommentRows>>[number];

/** Presents a comment; the author's side is read against the PM the plan belongs to. */
export const presentComment = (r: CommentRow, pmId: string): PlanComment => ({
  id: r.id,
  themeId: r.theme_id,
  actionId: r.action_id,
  author: { id: r.author_id, name: r.author_name, email: r.author_email },
  authorSide: r.author_id === pmId ? 'pm' : 'coach',
  body: r.body,
  private: r.is_private === 1,
  createdAt: r.created_at,
});
