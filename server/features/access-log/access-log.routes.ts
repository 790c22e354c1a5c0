import { z } from '@hono/zod-openapi';
import { AccessLogEntry, Id, PmParams } from '../../../common/schemas.js';
import type { App, Deps } from '../../http/env.js';
import { jsonRoute } from '../../http/routes.js';
import { listAccessLog } from '../../privacy/access-log.js';
import { authorize } from '../../privacy/policy.js';

export function registerAccessLogRoutes(app: App, deps: Deps) {
  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/pms/{pmId}/access-log',
      summary:
        "Who read or changed your coaching data, newest first (the PM only). By default others' access; who=everyone adds your own",
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
      const { pmId } = c.req.valid('param');
      await authorize({
        db: deps.db,
        actor: c.get('actor'),
        action: 'access-log:read',
        pmId,
        resource: 'access log',
      });
      const { limit, who } = c.req.valid('query');
      const rows = await listAccessLog({ db: deps.db, pmId, limit, includeOwn: who === 'everyone' });
      return c.json(
        rows.map((r) => ({
          id: r.id,
          at: r.at,
          action: r.action,
          resource: r.resource,
          actor: r.actor_name ? { id: r.actor_id, name: r.actor_name, email: r.actor_email ?? '' } : null,
        })),
        200,
      );
    },
  );
}
