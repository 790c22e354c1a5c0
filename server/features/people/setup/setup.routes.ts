import { z } from '@hono/zod-openapi';
import { PublicAddress, PublicAddressInput, PublicAddressValue } from '../../../../common/public-address.js';
import { Email, OneLine, Password, PersonName, SessionState } from '../../../../common/schemas.js';
import type { App, Deps } from '../../../http/env.js';
import { jsonBody, jsonRoute } from '../../../http/routes.js';
import { startBrowserSession } from '../auth/auth.routes.js';
import { createSession } from '../auth/sessions.js';
import { readPublicAddress, setPublicAddress } from './public-address.js';
import { setUpWorkspace } from './setup.js';

export const SetupInput = z.object({
  workspaceName: OneLine(100).min(1, 'is required'),
  name: PersonName,
  email: Email,
  password: Password,
  publicAddress: PublicAddressValue.optional().openapi({
    description: 'The address the admin’s browser used (window.location.origin), as they confirmed it',
  }),
});

export function registerSetupRoutes(app: App, deps: Deps) {
  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/setup',
      access: 'public',
      summary: 'First run: create the workspace and its first account (the admin); ends every demo session',
      tags: ['Setup'],
      request: jsonBody(SetupInput),
      response: SessionState,
    }),
    async (c) => {
      const userId = await setUpWorkspace({
        db: deps.db,
        ...c.req.valid('json'),
        hashing: deps.config.passwordHashing,
      });
      const started = await createSession(deps.db, userId);
      return c.json(await startBrowserSession(c, deps, started), 200);
    },
  );

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/workspace/public-address',
      access: 'signed-in',
      summary: 'The address invitation links start with, and where it comes from (admin only)',
      tags: ['Setup'],
      response: PublicAddress,
    }),
    async (c) =>
      c.json(await readPublicAddress({ db: deps.db, config: deps.config, actor: c.get('actor') }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'put',
      path: '/api/workspace/public-address',
      access: 'signed-in',
      summary: 'Confirm or change the address invitation links start with (admin only)',
      tags: ['Setup'],
      request: jsonBody(PublicAddressInput),
      response: PublicAddress,
    }),
    async (c) =>
      c.json(
        await setPublicAddress({
          db: deps.db,
          config: deps.config,
          actor: c.get('actor'),
          address: c.req.valid('json').address,
        }),
        200,
      ),
  );
}
