import { z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { App, Deps } from '../../http/env.js';
import { jsonRoute } from '../../http/routes.js';

export function registerHealthRoutes(app: App, deps: Deps) {
  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/health',
      access: 'public',
      summary: 'Liveness and database check',
      tags: ['Health'],
      response: z.object({ ok: z.boolean(), db: z.enum(['sqlite', 'postgres']) }).openapi('Health'),
    }),
    async (c) => {
      await sql`select 1`.execute(deps.db);
      return c.json({ ok: true, db: deps.engine }, 200);
    },
  );
}
