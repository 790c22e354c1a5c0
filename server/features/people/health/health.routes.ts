import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { isDatabaseUnreachable } from '../../../db/database.js';
import type { App, Deps } from '../../../http/env.js';
import { jsonRoute } from '../../../http/routes.js';

const Health = z.object({ ok: z.boolean(), db: z.enum(['sqlite', 'postgres']) }).openapi('Health');

const base = jsonRoute({
  method: 'get',
  path: '/api/health',
  access: 'public',
  summary: 'Liveness and database check',
  tags: ['Health'],
  response: Health,
});

/** The same route, plus the 503 a load balancer sees while the database cannot be reached. */
const healthRoute = createRoute({
  ...base,
  responses: {
    ...base.responses,
    503: {
      description: 'The database is not reachable right now',
      content: { 'application/json': { schema: Health } },
    },
  },
});

export function registerHealthRoutes(app: App, deps: Deps) {
  app.openapi(healthRoute, async (c) => {
    try {
      await sql`select 1`.execute(deps.db);
    } catch (error) {
      if (!isDatabaseUnreachable(error)) throw error;
      c.header('Retry-After', '5');
      return c.json({ ok: false, db: deps.engine }, 503);
    }
    return c.json({ ok: true, db: deps.engine }, 200);
  });
}
