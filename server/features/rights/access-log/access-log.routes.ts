import { z } from '@hono/zod-openapi';
import { AccessLogEntry, PmParams } from '../../../../common/schemas.js';
import type { App, Deps } from '../../../http/env.js';
import { jsonRoute } from '../../../http/routes.js';
import { readAccessLog } from './access-log.js';

export function registerAccessLogRoutes(app: App, deps: Deps) {
  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/pms/{pmId}/access-log',
      access: 'coaching-data',
      summary:
        "Who read or changed your coaching data, newest first, repeats collapsed (the PM only). By default others' access; who=everyone adds your own",
      tags: ['Privacy'],
      request: {
        params: PmParams,
        query: z.object({
          limit: z.coerce.number().int().min(1).max(500).default(200),
          who: z.enum(['others', 'everyone']).default('others'),
        }),
      },
      response: z.array(AccessLogEntry),
    }),
    async (c) => {
      const { limit, who } = c.req.valid('query');
      const entries = await readAccessLog({
        db: deps.db,
        actor: c.get('actor'),
        pmId: c.req.valid('param').pmId,
        limit,
        includeOwn: who === 'everyone',
      });
      return c.json(entries, 200);
    },
  );
}
