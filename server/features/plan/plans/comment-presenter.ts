import { sql } from 'kysely';
import type { PlanComment } from '../../../../common/plans.js';
import type { Side } from '../../../../common/schemas.js';
import type { Db } from '../../../db/database.js';
import { may } from '../../../privacy/authorize.js';
import type { Viewer } from '../../../privacy/rules.js';
import { unseal } from '../../../crypto/sealed-fields.js';

/** The comments on a plan version, oldest first, with their author and the author's side of the pair. */
function commentRows(db: Db, planId: string) {
  return db
    .selectFrom('plan_comments')
    .innerJoin('users', 'users.id', 'plan_comments.author_id')
    .innerJoin('plans', 'plans.id', 'plan_comments.plan_id')
    .selectAll('plan_comments')
    .select(['users.name as author_name', 'users.email as author_email'])
    .select(
      sql<Side>`case when plan_comments.author_id = plans.pm_id then 'pm' else 'coach' end`.as('author_side'),
    )
    .where('plan_comments.plan_id', '=', planId)
    .orderBy('plan_comments.created_at')
    .orderBy('plan_comments.id')
    .execute();
}

type CommentRow = Awaited<ReturnType<typeof commentRows>>[number];

/** Presents a comment: who wrote it (and on which side), about what, and whether it is a private note. */
const presentComment = (db: Db, r: CommentRow): PlanComment => ({
  id: r.id,
  themeId: r.theme_id,
  actionId: r.action_id,
  author: { id: r.author_id, name: r.author_name, email: r.author_email },
  authorSide: r.author_side,
  body: unseal(db, 'plan_comments.body', r.body),
  private: r.is_private === 1,
  createdAt: r.created_at,
});

/**
 * The comments on a plan version the viewer may see: the rules' "comment visible" (private notes
 * only their author's) and, for a new coach, only those made during their pairing unless the PM
 * shared their comments (decision 038).
 */
export async function commentsVisibleTo(db: Db, planId: string, viewer: Viewer): Promise<PlanComment[]> {
  const rows = await commentRows(db, planId);
  return rows
    .filter((comment) =>
      may(viewer, 'plan-comment:see', {
        comment,
        history: { part: 'comments', at: comment.created_at },
      }),
    )
    .map((r) => presentComment(db, r));
}
