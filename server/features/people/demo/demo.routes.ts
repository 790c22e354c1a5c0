import { z } from '@hono/zod-openapi';
import { SessionState } from '../../../../common/schemas.js';
import type { App, Deps } from '../../../http/env.js';
import { jsonRoute, Ok } from '../../../http/routes.js';
import { startBrowserSession } from '../auth/auth.routes.js';
import { clearSessionCookie } from '../auth/session-middleware.js';
import { createSession } from '../auth/sessions.js';
import { removeDemoFor, startDemo } from './demo.js';

const tags = ['Demo'];

/** The first-run page's "explore a demo" button, and its removal. */
export function registerDemoRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/demo',
      access: 'public',
      summary:
        'Create the demo workspace (or reuse it) and sign in as its coach, or with ?as=pm as one of its PMs. Allowed before setup, for a workspace admin, or inside the demo',
      tags,
      request: {
        query: z.object({ as: z.enum(['coach', 'pm']).default('coach').describe('Whose side to see') }),
      },
      response: SessionState,
    }),
    async (c) => {
      const demo = await startDemo({ db, actor: c.get('actor'), as: c.req.valid('query').as });
      const started = await createSession(db, demo.personId);
      return c.json(await startBrowserSession(c, deps, started), 200);
    },
  );

  app.openapi(
    jsonRoute({
      method: 'delete',
      path: '/api/demo',
      access: 'signed-in',
      summary: 'Remove the demo workspace and everything in it (a workspace admin, or someone in the demo)',
      tags,
      response: Ok,
    }),
    async (c) => {
      const { wasInDemo } = await removeDemoFor({ db, actor: c.get('actor') });
      if (wasInDemo) clearSessionCookie(c, deps.config.secureCookies);
      return c.json({ ok: true as const }, 200);
    },
  );
}
