import { CommentInput, Plan } from '../../../../common/plans.js';
import { Id, PmParams } from '../../../../common/schemas.js';
import type { App, Deps } from '../../../http/env.js';
import { jsonBody, jsonRoute } from '../../../http/routes.js';
import { addComment, removeComment } from './comments.js';

const tags = ['Development plan'];

/** Comments on the plan, a theme or an action, by the PM or a current coach; private notes stay with their author. */
export function registerPlanCommentRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/pms/{pmId}/plan/comments',
      access: 'coaching-data',
      summary:
        'Comment on the current plan, a theme (themeId) or an action (actionId); private: a note for yourself only (PM and current coaches)',
      tags,
      request: { params: PmParams, ...jsonBody(CommentInput) },
      response: Plan,
    }),
    async (c) =>
      c.json(
        await addComment({
          db,
          actor: c.get('actor'),
          pmId: c.req.valid('param').pmId,
          comment: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'delete',
      path: '/api/pms/{pmId}/plan/comments/{commentId}',
      access: 'coaching-data',
      summary: 'Remove your own comment (its author only)',
      tags,
      request: { params: PmParams.extend({ commentId: Id }) },
      response: Plan,
    }),
    async (c) => c.json(await removeComment({ db, actor: c.get('actor'), ...c.req.valid('param') }), 200),
  );
}
