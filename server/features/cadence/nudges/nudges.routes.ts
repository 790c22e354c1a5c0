import {
  Nudge,
  NudgeIdeas,
  NudgeInput,
  NudgeQuery,
  NudgeReactionInput,
  NudgeReplyInput,
  NudgeThread,
} from '../../../../common/nudges.js';
import { Id, PmParams } from '../../../../common/schemas.js';
import type { App, Deps } from '../../../http/env.js';
import { jsonBody, jsonRoute } from '../../../http/routes.js';
import { nudgeIdeas } from './nudge-ideas.js';
import { nudgeThread, respondToNudge, sendNudge } from './nudges.js';

const tags = ['Nudges'];
const NudgeParams = PmParams.extend({ nudgeId: Id });

/** Nudges between sessions: a current coach sends a line, the PM reacts or answers; both read the thread. */
export function registerNudgeRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/pms/{pmId}/nudges',
      access: 'coaching-data',
      summary:
        'The nudges of this pairing, newest first, with the PM’s reactions and answers (the PM: all theirs; a coach: their own); for a coach, how the PM welcomes nudges',
      tags,
      request: { params: PmParams, query: NudgeQuery },
      response: NudgeThread,
    }),
    async (c) =>
      c.json(
        await nudgeThread({
          db,
          actor: c.get('actor'),
          pmId: c.req.valid('param').pmId,
          before: c.req.valid('query').before,
          now: deps.now(),
        }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/pms/{pmId}/nudges',
      access: 'coaching-data',
      summary:
        'A current coach sends the PM a nudge (up to 280 characters, about a plan theme or action, or free); 409 while the PM has paused nudges or when this day’s or week’s is sent',
      tags,
      request: { params: PmParams, ...jsonBody(NudgeInput) },
      response: Nudge,
    }),
    async (c) =>
      c.json(
        await sendNudge({
          db,
          actor: c.get('actor'),
          pmId: c.req.valid('param').pmId,
          nudge: c.req.valid('json'),
          now: deps.now(),
          mailConfigured: deps.config.smtpUrl !== undefined,
        }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/pms/{pmId}/nudges/{nudgeId}/reaction',
      access: 'coaching-data',
      summary: 'The PM reacts to a nudge: done, thanks or not now (it reaches the coach)',
      tags,
      request: { params: NudgeParams, ...jsonBody(NudgeReactionInput) },
      response: Nudge,
    }),
    async (c) =>
      c.json(
        await respondToNudge({
          db,
          actor: c.get('actor'),
          ...c.req.valid('param'),
          reaction: c.req.valid('json').reaction,
          now: deps.now(),
          mailConfigured: deps.config.smtpUrl !== undefined,
        }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/pms/{pmId}/nudges/{nudgeId}/reply',
      access: 'coaching-data',
      summary: 'The PM answers a nudge in a line (it reaches the coach)',
      tags,
      request: { params: NudgeParams, ...jsonBody(NudgeReplyInput) },
      response: Nudge,
    }),
    async (c) =>
      c.json(
        await respondToNudge({
          db,
          actor: c.get('actor'),
          ...c.req.valid('param'),
          text: c.req.valid('json').text,
          now: deps.now(),
          mailConfigured: deps.config.smtpUrl !== undefined,
        }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/pms/{pmId}/nudge-ideas',
      access: 'coaching-data',
      summary:
        'Nudge ideas for the coach from the plan and recent events, each with a prefilled text; and how the PM welcomes nudges (coach only)',
      tags,
      request: { params: PmParams },
      response: NudgeIdeas,
    }),
    async (c) =>
      c.json(
        await nudgeIdeas({ db, actor: c.get('actor'), pmId: c.req.valid('param').pmId, now: deps.now() }),
        200,
      ),
  );
}
