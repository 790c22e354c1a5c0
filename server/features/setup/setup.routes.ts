import { z } from '@hono/zod-openapi';
import { Email, Password, PersonName, SessionState } from '../../../common/schemas.js';
import type { App, Deps } from '../../http/env.js';
import { jsonBody, jsonRoute } from '../../http/routes.js';
import { startBrowserSession } from '../auth/auth.routes.js';
import { createSession } from '../auth/sessions.js';
import { setUpWorkspace } from './setup.js';

export const SetupInput = z.object({
  workspaceName: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
  name: PersonName,
  email: Email,
  password: Password,
});

export function registerSetupRoutes(app: App, deps: Deps) {
  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/setup',
      access: 'public',
      summary: 'First run: create the workspace and its first account (the admin)',
      tags: ['Setup'],
      request: jsonBody(SetupInput),
      response: SessionState,
    }),
    async (c) => {
      const userId = await setUpWorkspace({ db: deps.db, ...c.req.valid('json') });
      const started = await createSession(deps.db, userId);
      return c.json(await startBrowserSession(c, deps, started), 200);
    },
  );
}
