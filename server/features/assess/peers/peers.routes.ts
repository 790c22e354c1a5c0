import { z } from '@hono/zod-openapi';
import { Id } from '../../../../common/schemas.js';
import {
  PeerInvitation,
  PeerInvitationInput,
  PeerReview,
  PeerReviewInput,
} from '../../../../common/wheel-peers.js';
import type { App, Deps } from '../../../http/env.js';
import { jsonBody, jsonRoute, Ok } from '../../../http/routes.js';
import { previewPeerReview, submitPeerReview } from './peer-review.js';
import { publicAddressOf } from '../../people/setup/public-address.js';
import { invitePeer, listPeers, revokePeer, setPeerSharing } from './peers.js';

const tags = ['Peers'];
const roundParams = z.object({ roundId: Id });
const Token = z.object({ token: z.string().min(20, 'is not a valid link').max(100, 'is not a valid link') });

/** Peers score a PM once by link; their scores go to the PM, and to the coach only if shared. */
export function registerPeerRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/rounds/{roundId}/peers',
      access: 'coaching-data',
      summary: 'The peers you asked to score you in this round (the PM only)',
      tags,
      request: { params: roundParams },
      response: z.array(PeerInvitation),
    }),
    async (c) =>
      c.json(await listPeers({ db, actor: c.get('actor'), roundId: c.req.valid('param').roundId }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/rounds/{roundId}/peers',
      access: 'coaching-data',
      summary: 'Ask a peer to score you: returns a link to send them, shown once (the PM only)',
      tags,
      request: { params: roundParams, ...jsonBody(PeerInvitationInput) },
      response: PeerInvitation,
    }),
    async (c) => {
      const actor = c.get('actor');
      // Peer links start with the workspace's public address, like invitation links.
      const { address } = await publicAddressOf({ db, config: deps.config, workspaceId: actor.workspaceId });
      return c.json(
        await invitePeer({
          db,
          actor,
          publicUrl: address,
          roundId: c.req.valid('param').roundId,
          name: c.req.valid('json').name,
        }),
        200,
      );
    },
  );

  app.openapi(
    jsonRoute({
      method: 'delete',
      path: '/api/rounds/{roundId}/peers/{peerId}',
      access: 'coaching-data',
      summary: 'Withdraw an unused peer link (the PM only)',
      tags,
      request: { params: roundParams.extend({ peerId: Id }) },
      response: Ok,
    }),
    async (c) => {
      await revokePeer({ db, actor: c.get('actor'), ...c.req.valid('param') });
      return c.json({ ok: true as const }, 200);
    },
  );

  app.openapi(
    jsonRoute({
      method: 'put',
      path: '/api/rounds/{roundId}/peer-sharing',
      access: 'coaching-data',
      summary: "Share this round's peer scores with your coach, or stop sharing (the PM only)",
      tags,
      request: { params: roundParams, ...jsonBody(z.object({ shared: z.boolean() })) },
      response: z.object({ shared: z.boolean() }),
    }),
    async (c) =>
      c.json(
        await setPeerSharing({
          db,
          actor: c.get('actor'),
          roundId: c.req.valid('param').roundId,
          shared: c.req.valid('json').shared,
        }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/peer-reviews/{token}',
      access: 'public',
      summary: 'What a peer link asks (no account needed); after answering, only what you wrote',
      tags,
      request: { params: Token },
      response: PeerReview,
    }),
    async (c) => c.json(await previewPeerReview({ db, token: c.req.valid('param').token }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/peer-reviews/{token}',
      access: 'public',
      summary: 'A peer scores the PM once, every statement (no account needed)',
      tags,
      request: { params: Token, ...jsonBody(PeerReviewInput) },
      response: PeerReview,
    }),
    async (c) =>
      c.json(
        await submitPeerReview({ db, token: c.req.valid('param').token, answers: c.req.valid('json') }),
        200,
      ),
  );
}
