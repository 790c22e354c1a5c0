import { PmOverview, PmParams } from '../../../../common/schemas.js';
import type { App, Deps } from '../../../http/env.js';
import { jsonRoute } from '../../../http/routes.js';
import { readOverview } from './pms.js';

export function registerPmRoutes(app: App, deps: Deps) {
  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/pms/{pmId}',
      access: 'coaching-data',
      summary: "A PM's coaching overview (the PM and their current coaches only)",
      tags: ['PMs'],
      request: { params: PmParams },
      response: PmOverview,
    }),
    async (c) =>
      c.json(
        await readOverview({ db: deps.db, actor: c.get('actor'), pmId: c.req.valid('param').pmId }),
        200,
      ),
  );
}
