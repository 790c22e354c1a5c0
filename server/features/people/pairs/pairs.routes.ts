import { z } from '@hono/zod-openapi';
import { Id, Pair } from '../../../../common/schemas.js';
import type { App, Deps } from '../../../http/env.js';
import { jsonBody, jsonRoute } from '../../../http/routes.js';
import { acceptPair, declinePair, endPair, listMyPairs, listWorkspacePairs, proposePair } from './pairs.js';

const tags = ['Pairs'];
const params = { params: z.object({ id: Id }) };

export function registerPairRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/pairs',
      access: 'signed-in',
      summary: 'Your pairs, as coach and as PM',
      tags,
      response: z.array(Pair),
    }),
    async (c) => c.json(await listMyPairs({ db, actor: c.get('actor') }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/workspace/pairs',
      access: 'signed-in',
      summary: 'Who coaches whom (admin only; no coaching data)',
      tags,
      response: z.array(Pair),
    }),
    async (c) => c.json(await listWorkspacePairs({ db, actor: c.get('actor') }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/pairs',
      access: 'signed-in',
      summary: 'Offer to coach a member (or, as admin, pair two members); the PM accepts',
      tags,
      request: jsonBody(z.object({ pmId: Id, coachId: Id.optional() })),
      response: Pair,
    }),
    async (c) => c.json(await proposePair({ db, actor: c.get('actor'), ...c.req.valid('json') }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/pairs/{id}/accept',
      access: 'signed-in',
      summary: 'The PM accepts a proposed pair',
      tags,
      request: params,
      response: Pair,
    }),
    async (c) =>
      c.json(
        await acceptPair({ db, actor: c.get('actor'), id: c.req.valid('param').id, now: deps.now() }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/pairs/{id}/decline',
      access: 'signed-in',
      summary: 'The PM declines (or the coach withdraws) a proposed pair',
      tags,
      request: params,
      response: Pair,
    }),
    async (c) => c.json(await declinePair({ db, actor: c.get('actor'), id: c.req.valid('param').id }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/pairs/{id}/end',
      access: 'signed-in',
      summary: 'End a pair (history stays; the coach loses access)',
      tags,
      request: params,
      response: Pair,
    }),
    async (c) => c.json(await endPair({ db, actor: c.get('actor'), id: c.req.valid('param').id }), 200),
  );
}
