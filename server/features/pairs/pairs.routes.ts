import { z } from '@hono/zod-openapi';
import { Id, Pair } from '../../../common/schemas.js';
import type { App, Deps } from '../../http/env.js';
import { jsonBody, jsonRoute } from '../../http/routes.js';
import { requireActor } from '../../http/session-middleware.js';
import { acceptPair, declinePair, endPair, listMyPairs, listWorkspacePairs, proposePair } from './pairs.js';

const tags = ['Pairs'];
const params = { params: z.object({ id: Id }) };

export function registerPairRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/pairs',
      summary: 'Your pairs, as coach and as PM',
      tags,
      response: z.array(Pair),
    }),
    async (c) => c.json(await listMyPairs({ db, actor: requireActor(c) }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/workspace/pairs',
      summary: 'Who coaches whom (admin only; no coaching data)',
      tags,
      response: z.array(Pair),
    }),
    async (c) => c.json(await listWorkspacePairs({ db, actor: requireActor(c) }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/pairs',
      summary: 'Offer to coach a member (or, as admin, pair two members); the PM accepts',
      tags,
      request: jsonBody(z.object({ pmId: Id, coachId: Id.optional() })),
      response: Pair,
    }),
    async (c) => c.json(await proposePair({ db, actor: requireActor(c), ...c.req.valid('json') }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/pairs/{id}/accept',
      summary: 'The PM accepts a proposed pair',
      tags,
      request: params,
      response: Pair,
    }),
    async (c) => c.json(await acceptPair({ db, actor: requireActor(c), id: c.req.valid('param').id }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/pairs/{id}/decline',
      summary: 'The PM declines (or the coach withdraws) a proposed pair',
      tags,
      request: params,
      response: Pair,
    }),
    async (c) => c.json(await declinePair({ db, actor: requireActor(c), id: c.req.valid('param').id }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/pairs/{id}/end',
      summary: 'End a pair (history stays; the coach loses access)',
      tags,
      request: params,
      response: Pair,
    }),
    async (c) => c.json(await endPair({ db, actor: requireActor(c), id: c.req.valid('param').id }), 200),
  );
}
