import { z } from '@hono/zod-openapi';
import { Id, PmOverview, PmParams } from '../../../common/schemas.js';
import type { App, Deps } from '../../http/env.js';
import { jsonRoute } from '../../http/routes.js';
import { authorize } from '../../privacy/policy.js';
import { pmOverview } from './pms.js';

export function registerPmRoutes(app: App, deps: Deps) {
  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/pms/{pmId}',
      summary: "A PM's coaching overview (the PM and their current coaches only)",
      tags: ['PMs'],
      request: { params: PmParams },
      response: PmOverview,
    }),
    async (c) => {
      const { pmId } = c.req.valid('param');
      const relation = await authorize({
        db: deps.db,
        actor: c.get('actor'),
        action: 'overview:read',
        pmId,
        resource: 'overview',
      });
      return c.json(
        { ...(await pmOverview(deps.db, pmId)), viewerRelation: relation as 'pm' | 'coach' },
        200,
      );
    },
  );
}
