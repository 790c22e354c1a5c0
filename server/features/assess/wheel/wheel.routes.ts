import { z } from '@hono/zod-openapi';
import { Id, PmParams } from '../../../../common/schemas.js';
import { Comparison, Dip, History, RoundView, WheelExport } from '../../../../common/wheel-rounds.js';
import type { App, Deps } from '../../../http/env.js';
import { jsonRoute } from '../../../http/routes.js';
import { compareRound } from './comparison.js';
import { viewRound } from './round-view.js';
import { latestDips, wheelHistory } from './history.js';
import { exportWheel } from './wheel-export.js';

const tags = ['Wheel'];

const HistoryQuery = z.object({
  before: z
    .string()
    .min(1, 'before: is empty')
    .max(64, 'before: is too long')
    .optional()
    .openapi({ description: "The previous page's earlierCursor: the page of history before it" }),
});

/** What the wheel shows once rounds are revealed: comparison, history, dips, and the export. */
export function registerWheelRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/rounds/{roundId}/view',
      access: 'coaching-data',
      summary:
        "A round's page in one read: the round and, once revealed, its compared wheel (one access-log entry)",
      tags,
      request: { params: z.object({ roundId: Id }) },
      response: RoundView,
    }),
    async (c) =>
      c.json(await viewRound({ db, actor: c.get('actor'), roundId: c.req.valid('param').roundId }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/rounds/{roundId}/comparison',
      access: 'coaching-data',
      summary:
        'The wheel of a revealed round: self, coach and peers per area, perception gaps largest first, change since last round, dips, Next Bigger Challenges (409 before the reveal)',
      tags,
      request: { params: z.object({ roundId: Id }) },
      response: Comparison,
    }),
    async (c) =>
      c.json(
        await compareRound({
          db,
          actor: c.get('actor'),
          roundId: c.req.valid('param').roundId,
        }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/pms/{pmId}/history',
      access: 'coaching-data',
      summary:
        "Each area's scores per round and self-check the viewer may see, oldest first, on the latest scale: the latest 12, then earlier pages with `before`",
      tags,
      request: { params: PmParams, query: HistoryQuery },
      response: History,
    }),
    async (c) =>
      c.json(
        await wheelHistory({
          db,
          actor: c.get('actor'),
          pmId: c.req.valid('param').pmId,
          before: c.req.valid('query').before,
        }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/pms/{pmId}/dips',
      access: 'coaching-data',
      summary: "Dips in the PM's latest revealed round, with the PM's note: topics for the next conversation",
      tags,
      request: { params: PmParams },
      response: z.array(Dip),
    }),
    async (c) =>
      c.json(await latestDips({ db, actor: c.get('actor'), pmId: c.req.valid('param').pmId }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/pms/{pmId}/wheel/export',
      access: 'coaching-data',
      summary: "Everything of the PM's wheel you may see, as one JSON document",
      tags,
      request: { params: PmParams },
      response: WheelExport,
    }),
    async (c) => {
      c.header('Content-Disposition', 'attachment; filename="wheel.json"');
      return c.json(await exportWheel({ db, actor: c.get('actor'), pmId: c.req.valid('param').pmId }), 200);
    },
  );
}
