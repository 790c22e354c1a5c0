import { SessionState } from '../../common/schemas.js';
import type { App, Deps } from '../http/env.js';
import { AppError } from '../http/errors.js';
import { jsonRoute, Ok } from '../http/routes.js';
import { clearSessionCookie, requireActor } from '../http/session-middleware.js';
import { startBrowserSession } from '../features/auth/auth.routes.js';
import { createSession } from '../features/auth/sessions.js';
import { assertMayStartDemo, createDemo, removeDemo } from './demo.js';

const tags = ['Demo'];

/** The first-run page's "explore a demo" button, and its removal. */
export function registerDemoRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/demo',
      summary:
        'Create the demo workspace (or reuse it) and sign in as its coach. Allowed before setup, for a workspace admin, or inside the demo',
      tags,
      response: SessionState,
    }),
    async (c) => {
      await assertMayStartDemo(db, c.get('actor'));
      const demo = await createDemo({ db });
      const started = await createSession(db, demo.coachId);
      return c.json(await startBrowserSession(c, deps, started), 200);
    },
  );

  app.openapi(
    jsonRoute({
      method: 'delete',
      path: '/api/demo',
      summary: 'Remove the demo workspace and everything in it (a workspace admin, or someone in the demo)',
      tags,
      response: Ok,
    }),
    async (c) => {
      const actor = requireActor(c);
      const inDemo =
        (
          await db
            .selectFrom('workspaces')
            .select('is_demo')
            .where('id', '=', actor.workspaceId)
            .executeTakeFirst()
        )?.is_demo === 1;
      if (!actor.isAdmin && !inDemo)
        throw new AppError('forbidden', 'Only a workspace admin can remove the demo.');
      await removeDemo({ db });
      if (inDemo) clearSessionCookie(c);
      return c.json({ ok: true as const }, 200);
    },
  );
}
