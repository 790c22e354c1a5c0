import { z } from '@hono/zod-openapi';
import { Id } from '../../../../common/schemas.js';
import type { App, Deps } from '../../../http/env.js';
import { jsonBody, jsonRoute, Ok } from '../../../http/routes.js';
import { createScimToken, listScimTokens, revokeScimToken } from './scim-tokens.js';

const tags = ['SCIM tokens'];
const ScimToken = z
  .object({
    id: z.string(),
    label: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ScimToken');

export function registerScimTokenRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/scim-tokens',
      access: 'signed-in',
      summary: 'The workspace’s SCIM tokens, without their secrets (admin only)',
      tags,
      response: z.array(ScimToken),
    }),
    async (c) => c.json(await listScimTokens({ db, actor: c.get('actor') }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/scim-tokens',
      access: 'signed-in',
      summary:
        'Create a SCIM token for the identity provider; the secret is shown in this answer only (admin only)',
      tags,
      request: jsonBody(
        z.object({ label: z.string().trim().min(1, 'is required').max(80, 'is too long').default('SCIM') }),
      ),
      response: ScimToken.extend({ token: z.string() }),
    }),
    async (c) =>
      c.json(await createScimToken({ db, actor: c.get('actor'), label: c.req.valid('json').label }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'delete',
      path: '/api/scim-tokens/{id}',
      access: 'signed-in',
      summary: 'Revoke a SCIM token: the provider’s next request is refused (admin only)',
      tags,
      request: { params: z.object({ id: Id }) },
      response: Ok,
    }),
    async (c) => {
      await revokeScimToken({ db, actor: c.get('actor'), id: c.req.valid('param').id });
      return c.json({ ok: true as const }, 200);
    },
  );
}
