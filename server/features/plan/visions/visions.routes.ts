import { Id, PmParams } from '../../../../common/schemas.js';
import { Vision, VisionProposalInput } from '../../../../common/visions.js';
import type { App, Deps } from '../../../http/env.js';
import { jsonBody, jsonRoute } from '../../../http/routes.js';
import { acceptVision, getVision, proposeVision, withdrawVision } from './visions.js';

const tags = ['Shared vision'];
const one = PmParams.extend({ proposalId: Id });

/** The shared vision of a PM and their coach: either proposes, the other agrees. PM and current coaches only. */
export function registerVisionRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/pms/{pmId}/vision',
      access: 'coaching-data',
      summary:
        'The shared vision: agreed, proposed (by whom), when last revisited, and every earlier version (PM and current coaches)',
      tags,
      request: { params: PmParams },
      response: Vision,
    }),
    async (c) => c.json(await getVision({ db, actor: c.get('actor'), pmId: c.req.valid('param').pmId }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/pms/{pmId}/vision/proposals',
      access: 'coaching-data',
      summary:
        'Propose the Next Bigger Challenge and career direction, or a change to the open proposal (PM and current coaches)',
      tags,
      request: { params: PmParams, ...jsonBody(VisionProposalInput) },
      response: Vision,
    }),
    async (c) =>
      c.json(
        await proposeVision({
          db,
          actor: c.get('actor'),
          pmId: c.req.valid('param').pmId,
          proposal: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/pms/{pmId}/vision/proposals/{proposalId}/accept',
      access: 'coaching-data',
      summary: 'Agree to the open proposal (the other side only: the PM a coach’s, a coach the PM’s)',
      tags,
      request: { params: one },
      response: Vision,
    }),
    async (c) => c.json(await acceptVision({ db, actor: c.get('actor'), ...c.req.valid('param') }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/pms/{pmId}/vision/proposals/{proposalId}/withdraw',
      access: 'coaching-data',
      summary: 'Withdraw your open proposal (its proposer only)',
      tags,
      request: { params: one },
      response: Vision,
    }),
    async (c) => c.json(await withdrawVision({ db, actor: c.get('actor'), ...c.req.valid('param') }), 200),
  );
}
