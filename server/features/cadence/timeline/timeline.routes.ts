import { PmParams } from '../../../../common/schemas.js';
import { TimelinePage, TimelineQuery } from '../../../../common/timeline.js';
import type { App, Deps } from '../../../http/env.js';
import { jsonRoute } from '../../../http/routes.js';
import { timelinePage } from './timeline.js';

/** A PM's timeline: check-ins, pulses, rounds, dips and plan changes, newest first. */
export function registerTimelineRoutes(app: App, deps: Deps) {
  const { db } = deps;
  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/pms/{pmId}/timeline',
      access: 'coaching-data',
      summary:
        "The PM's timeline, newest first, 30 per page (pass nextBefore as `before` for older): check-ins (a private one for the PM only), pulses, revealed rounds, dips, plan changes",
      tags: ['Timeline'],
      request: { params: PmParams, query: TimelineQuery },
      response: TimelinePage,
    }),
    async (c) =>
      c.json(
        await timelinePage({
          db,
          actor: c.get('actor'),
          pmId: c.req.valid('param').pmId,
          before: c.req.valid('query').before,
        }),
        200,
      ),
  );
}
