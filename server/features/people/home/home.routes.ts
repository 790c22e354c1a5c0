import { HomeSummary } from '../../../../common/home.js';
import type { App, Deps } from '../../../http/env.js';
import { jsonRoute } from '../../../http/routes.js';
import { readHome } from './home.js';

export function registerHomeRoutes(app: App, deps: Deps) {
  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/home',
      access: 'signed-in',
      summary:
        "The home page in one read: your own dips, plan and vision at a glance, and each coached PM's (one access-log entry per PM)",
      tags: ['Home'],
      response: HomeSummary,
    }),
    async (c) => c.json(await readHome({ db: deps.db, actor: c.get('actor') }), 200),
  );
}
