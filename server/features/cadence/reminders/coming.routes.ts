import { Coming } from '../../../../common/coming.js';
import type { App, Deps } from '../../../http/env.js';
import { jsonRoute } from '../../../http/routes.js';
import { whatIsComing } from './coming.js';

/** What is coming for the signed-in person: their own sessions and due actions, never anyone else's list. */
export function registerComingRoutes(app: App, deps: Deps) {
  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/me/coming',
      access: 'signed-in',
      summary: 'Your next coaching sessions and due actions (two weeks), each with when its reminder comes',
      tags: ['Notifications'],
      response: Coming,
    }),
    async (c) => c.json(await whatIsComing({ db: deps.db, actor: c.get('actor'), now: deps.now() }), 200),
  );
}
