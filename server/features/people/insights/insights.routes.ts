import { z } from '@hono/zod-openapi';
import { Insights, InsightsChoice } from '../../../../common/insights.js';
import { Id } from '../../../../common/schemas.js';
import type { App, Deps } from '../../../http/env.js';
import { jsonBody, jsonRoute } from '../../../http/routes.js';
import { readInsights, readInsightsChoice, setInsightsChoice } from './insights.js';

const tags = ['Insights'];

/** Workspace insights that name no one (decision 041), and each member's choice to be counted. */
export function registerInsightsRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/insights',
      access: 'signed-in',
      summary:
        'How the workspace practises coaching (admins and coaches): monthly counts and area spreads, every figure over fewer than 5 PMs hidden',
      tags,
      request: { query: z.object({ coach: Id.optional() }) },
      response: Insights,
    }),
    async (c) =>
      c.json(
        await readInsights({
          db,
          actor: c.get('actor'),
          coach: c.req.valid('query').coach ?? null,
          now: deps.now(),
        }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/insights/my-choice',
      access: 'signed-in',
      summary: 'Whether your latest scores may count in the workspace area spreads',
      tags,
      response: InsightsChoice,
    }),
    async (c) => c.json(await readInsightsChoice({ db, actor: c.get('actor') }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'put',
      path: '/api/insights/my-choice',
      access: 'signed-in',
      summary: 'Let your latest scores count in the workspace area spreads, or keep them out',
      tags,
      request: jsonBody(InsightsChoice),
      response: InsightsChoice,
    }),
    async (c) =>
      c.json(
        await setInsightsChoice({
          db,
          actor: c.get('actor'),
          counted: c.req.valid('json').counted,
          now: deps.now(),
        }),
        200,
      ),
  );
}
