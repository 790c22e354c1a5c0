import { z } from '@hono/zod-openapi';
import { Email, Id, Password } from '../../../../common/schemas.js';
import type { App, Deps } from '../../../http/env.js';
import { jsonBody, jsonRoute, Ok } from '../../../http/routes.js';
import { publicAddressOf } from '../setup/public-address.js';
import { completeReset, issueResetLink, previewReset, requestReset } from './password-reset.js';

const tags = ['Password reset'];
const Token = z.object({
  token: z.string().min(20, 'is not a valid reset link').max(100, 'is not a valid reset link'),
});
const ResetLink = z.object({ link: z.string(), expiresAt: z.string() }).openapi('ResetLink');

export function registerPasswordResetRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const publicUrlOf = async (workspaceId: string) =>
    (await publicAddressOf({ db, config: deps.config, workspaceId })).address;

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/auth/password-reset',
      access: 'public',
      summary: 'Whether a reset link can go by mail (otherwise an admin issues one)',
      tags,
      response: z.object({ byMail: z.boolean() }),
    }),
    async (c) => c.json({ byMail: deps.config.smtpUrl !== undefined }, 200),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/auth/password-reset',
      access: 'public',
      summary:
        'Mail a single-use reset link (one hour) to an address, if it has an account. The answer is the same either way',
      tags,
      request: jsonBody(z.object({ email: Email })),
      response: Ok,
    }),
    async (c) => {
      await requestReset({
        db,
        email: c.req.valid('json').email,
        clientAddress: c.get('clientAddress'),
        publicUrlOf,
        mailer: deps.mailer,
        // The mail leaves after the answer: its time must not tell that the account exists.
        deliver: (send) =>
          setImmediate(() => {
            send().catch((error: unknown) => deps.log.warn({ err: error }, 'reset mail not sent'));
          }),
      });
      return c.json({ ok: true as const }, 200);
    },
  );

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/auth/password-reset/{token}',
      access: 'public',
      summary: 'Whose password a reset link sets (404 unknown, 410 used or expired)',
      tags,
      request: { params: Token },
      response: z.object({ email: z.string() }),
    }),
    async (c) => c.json(await previewReset({ db, token: c.req.valid('param').token }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/auth/password-reset/{token}',
      access: 'public',
      summary: 'Set a new password through a reset link: once; every session of the person ends',
      tags,
      request: { params: Token, ...jsonBody(z.object({ password: Password })) },
      response: Ok,
    }),
    async (c) => {
      await completeReset({
        db,
        token: c.req.valid('param').token,
        password: c.req.valid('json').password,
        hashing: deps.config.passwordHashing,
      });
      return c.json({ ok: true as const }, 200);
    },
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/members/{id}/password-reset',
      access: 'signed-in',
      summary: 'Issue a reset link to copy for a member (admin only); their older links stop working',
      tags,
      request: { params: z.object({ id: Id }) },
      response: ResetLink,
    }),
    async (c) => {
      const actor = c.get('actor');
      const publicUrl = await publicUrlOf(actor.workspaceId);
      return c.json(await issueResetLink({ db, actor, memberId: c.req.valid('param').id, publicUrl }), 200);
    },
  );
}
