import { z } from '@hono/zod-openapi';
import {
  CreatedInvitation,
  Email,
  Id,
  Invitation,
  InvitationPreview,
  Password,
  PersonName,
  SessionState,
} from '../../../../common/schemas.js';
import type { App, Deps } from '../../../http/env.js';
import { AppError } from '../../../http/errors.js';
import { jsonBody, jsonRoute, Ok } from '../../../http/routes.js';
import { startBrowserSession } from '../auth/auth.routes.js';
import { createSession } from '../auth/sessions.js';
import { publicAddressOf } from '../setup/public-address.js';
import {
  acceptInvitation,
  createInvitation,
  listInvitations,
  previewInvitation,
  revokeInvitation,
} from './invitations.js';

const tags = ['Invitations'];
const Token = z.object({
  token: z.string().min(20, 'is not a valid invitation link').max(100, 'is not a valid invitation link'),
});

export function registerInvitationRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/invitations',
      access: 'signed-in',
      summary: 'Invitations you sent (all of the workspace for an admin)',
      tags,
      response: z.array(Invitation),
    }),
    async (c) => c.json(await listInvitations({ db, actor: c.get('actor') }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/invitations',
      access: 'signed-in',
      summary:
        'Invite a PM to be coached by you (or, as admin, a member). With mail set up, the link goes only by mail (an admin also gets it to copy); without mail, and in the demo, it is returned to copy',
      tags,
      request: jsonBody(z.object({ email: Email, kind: z.enum(['pm', 'member']).default('pm') })),
      response: CreatedInvitation,
    }),
    async (c) => {
      const { email, kind } = c.req.valid('json');
      const actor = c.get('actor');
      const { address } = await publicAddressOf({ db, config: deps.config, workspaceId: actor.workspaceId });
      const invitation = await createInvitation({
        db,
        mailer: deps.mailer,
        mailConfigured: deps.config.smtpUrl !== undefined,
        publicUrl: address,
        actor,
        email,
        kind,
      });
      return c.json(invitation, 200);
    },
  );

  app.openapi(
    jsonRoute({
      method: 'delete',
      path: '/api/invitations/{id}',
      access: 'signed-in',
      summary: 'Revoke an open invitation',
      tags,
      request: { params: z.object({ id: Id }) },
      response: Ok,
    }),
    async (c) => {
      await revokeInvitation({ db, actor: c.get('actor'), id: c.req.valid('param').id });
      return c.json({ ok: true as const }, 200);
    },
  );

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/invitations/by-token/{token}',
      access: 'public',
      summary: 'What an invitation link offers (no sign-in needed)',
      tags,
      request: { params: Token },
      response: InvitationPreview,
    }),
    async (c) => c.json(await previewInvitation({ db, token: c.req.valid('param').token }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/invitations/by-token/{token}/accept',
      access: 'public',
      summary: 'Sign up through an invitation link',
      tags,
      request: { params: Token, ...jsonBody(z.object({ name: PersonName, password: Password })) },
      response: SessionState,
    }),
    async (c) => {
      const { name, password } = c.req.valid('json');
      if (deps.config.sso?.only)
        throw new AppError(
          'forbidden',
          `Join with ${deps.config.sso.displayName}: password sign-in is off here.`,
        );
      const userId = await acceptInvitation({
        db,
        token: c.req.valid('param').token,
        name,
        password,
        now: deps.now(),
        hashing: deps.config.passwordHashing,
      });
      const started = await createSession(db, userId);
      return c.json(await startBrowserSession(c, deps, started), 200);
    },
  );
}
