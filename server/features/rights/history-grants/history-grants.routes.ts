import { z } from '@hono/zod-openapi';
import { HistoryGrantInput, HistoryGrants } from '../../../../common/history-grants.js';
import { Id, PmParams } from '../../../../common/schemas.js';
import { RoundDetail } from '../../../../common/wheel-rounds.js';
import type { App, Deps } from '../../../http/env.js';
import { jsonBody, jsonRoute } from '../../../http/routes.js';
import { readHistoryGrants, revokeHistoryGrant, setHistoryGrant } from './history-grants.js';
import { closeStuckRound, handOverStuckRound } from './stuck-rounds.js';

const tags = ['History grants'];
const coachParams = PmParams.extend({ coachId: Id });
const roundParams = z.object({ roundId: Id });
const HandOverInput = z
  .object({ coachId: Id.describe('A current coach of the PM, who assesses the round afresh') })
  .openapi('HandOverInput');

/** The PM's history before a pairing, shared by the PM only (decision 038), and rounds whose coach left. */
export function registerHistoryGrantRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/pms/{pmId}/history-grants',
      access: 'coaching-data',
      summary:
        'What of their history from before each pairing the PM shares with each current coach (a coach: their own only)',
      tags,
      request: { params: PmParams },
      response: HistoryGrants,
    }),
    async (c) =>
      c.json(await readHistoryGrants({ db, actor: c.get('actor'), pmId: c.req.valid('param').pmId }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'put',
      path: '/api/pms/{pmId}/history-grants/{coachId}',
      access: 'coaching-data',
      summary:
        'Share with a current coach these parts of your history from before their pairing (replaces what was shared; none takes it back). The PM only',
      tags,
      request: { params: coachParams, ...jsonBody(HistoryGrantInput) },
      response: HistoryGrants,
    }),
    async (c) =>
      c.json(
        await setHistoryGrant({
          db,
          actor: c.get('actor'),
          ...c.req.valid('param'),
          parts: c.req.valid('json').parts,
          now: deps.now(),
        }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'delete',
      path: '/api/pms/{pmId}/history-grants/{coachId}',
      access: 'coaching-data',
      summary: 'Stop sharing your history from before the pairing with this coach. The PM only',
      tags,
      request: { params: coachParams },
      response: HistoryGrants,
    }),
    async (c) =>
      c.json(await revokeHistoryGrant({ db, actor: c.get('actor'), ...c.req.valid('param') }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/rounds/{roundId}/close',
      access: 'coaching-data',
      summary:
        'Close a round whose coach has left, without a reveal: it stays in your list as closed (the PM only)',
      tags,
      request: { params: roundParams },
      response: RoundDetail,
    }),
    async (c) =>
      c.json(
        await closeStuckRound({
          db,
          actor: c.get('actor'),
          roundId: c.req.valid('param').roundId,
          now: deps.now(),
        }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/rounds/{roundId}/hand-over',
      access: 'coaching-data',
      summary:
        'Hand a round whose coach has left to a current coach: their side starts afresh, yours stays (the PM only)',
      tags,
      request: { params: roundParams, ...jsonBody(HandOverInput) },
      response: RoundDetail,
    }),
    async (c) =>
      c.json(
        await handOverStuckRound({
          db,
          actor: c.get('actor'),
          roundId: c.req.valid('param').roundId,
          coachId: c.req.valid('json').coachId,
          now: deps.now(),
        }),
        200,
      ),
  );
}
