import { createRoute, z } from '@hono/zod-openapi';
import { ErrorResponse, PmParams } from '../../../../common/schemas.js';
import { accessMiddleware } from '../../../http/access.js';
import type { App, Deps } from '../../../http/env.js';
import { startExport } from './export.js';

const refused = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorResponse } },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/api/pms/{pmId}/export',
  middleware: accessMiddleware['coaching-data'],
  summary:
    'Everything of the PM you may see, as one zip streamed page by page: manifest.json, data/<kind>.json, README.html (PM and current coaches)',
  tags: ['Export'],
  request: { params: PmParams },
  responses: {
    200: {
      description: 'A zip file (Content-Disposition names it); see decision 042 for its schema',
      content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    400: refused('Invalid input'),
    404: refused('Not yours to see'),
  },
});

export function registerExportRoutes(app: App, deps: Deps) {
  const { db } = deps;
  app.openapi(exportRoute, async (c) => {
    const { pmId } = c.req.valid('param');
    const { fileName, body } = await startExport({ db, actor: c.get('actor'), pmId, now: deps.now() });
    return c.body(body, 200, {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'no-store',
    });
  });
}
