import { z } from '@hono/zod-openapi';
import { MemberRemoved } from '../../../../common/erasure.js';
import { Id, Member, Person } from '../../../../common/schemas.js';
import type { App, Deps } from '../../../http/env.js';
import { jsonBody, jsonRoute } from '../../../http/routes.js';
import { listMembers, listPeople, removeMember, setAdmin } from './members.js';

const tags = ['Members'];

export function registerMemberRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/members',
      access: 'signed-in',
      summary: 'Workspace members (admin only)',
      tags,
      response: z.array(Member),
    }),
    async (c) => c.json(await listMembers({ db, actor: c.get('actor') }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'patch',
      path: '/api/members/{id}',
      access: 'signed-in',
      summary: 'Grant or remove workspace admin (admin only)',
      tags,
      request: { params: z.object({ id: Id }), ...jsonBody(z.object({ isAdmin: z.boolean() })) },
      response: Member,
    }),
    async (c) => {
      const { isAdmin } = c.req.valid('json');
      return c.json(
        await setAdmin({ db, actor: c.get('actor'), memberId: c.req.valid('param').id, isAdmin }),
        200,
      );
    },
  );

  app.openapi(
    jsonRoute({
      method: 'delete',
      path: '/api/members/{id}',
      access: 'signed-in',
      summary:
        'Remove a member from the workspace (admin only): ends their pairs at once; their own data stays theirs to export or erase',
      tags,
      request: { params: z.object({ id: Id }) },
      response: MemberRemoved,
    }),
    async (c) =>
      c.json(
        await removeMember({ db, actor: c.get('actor'), memberId: c.req.valid('param').id, now: deps.now() }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/people',
      access: 'signed-in',
      summary: 'Names of the people in your workspace',
      tags,
      response: z.array(Person),
    }),
    async (c) => c.json(await listPeople({ db, actor: c.get('actor') }), 200),
  );
}
