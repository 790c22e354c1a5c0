import type { Member, Person } from '../../../common/schemas.js';
import type { Db } from '../../db/database.js';
import { AppError, notFound } from '../../http/errors.js';
import type { Actor } from '../../privacy/actor.js';
import { authorizeWorkspace } from '../../privacy/workspace-rules.js';

/** The workspace's members for the admin area: who they are, never their coaching data. */
export async function listMembers(input: { db: Db; actor: Actor }): Promise<Member[]> {
  authorizeWorkspace({ actor: input.actor, action: 'member:list' });
  const rows = await input.db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'is_admin', 'created_at'])
    .where('workspace_id', '=', input.actor.workspaceId)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    isAdmin: r.is_admin === 1,
    createdAt: r.created_at,
  }));
}

/** Everyone's name in the workspace, so a coach can offer to coach a colleague. */
export async function listPeople(input: { db: Db; actor: Actor }): Promise<Person[]> {
  authorizeWorkspace({ actor: input.actor, action: 'people:list' });
  return input.db
    .selectFrom('users')
    .select(['id', 'name', 'email'])
    .where('workspace_id', '=', input.actor.workspaceId)
    .orderBy('name')
    .execute();
}

/** Grants or removes workspace admin; the last admin cannot step down. */
export async function setAdmin(input: {
  db: Db;
  actor: Actor;
  memberId: string;
  isAdmin: boolean;
}): Promise<Member> {
  const { db, actor, memberId, isAdmin } = input;
  authorizeWorkspace({ actor, action: 'member:set-admin' });
  return db.transaction().execute(async (tx) => {
    const member = await tx
      .selectFrom('users')
      .select(['id', 'name', 'email', 'is_admin', 'created_at'])
      .where('id', '=', memberId)
      .where('workspace_id', '=', actor.workspaceId)
      .executeTakeFirst();
    if (!member) throw notFound('That member');
    if (!isAdmin && member.is_admin === 1) {
      const admins = await tx
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('workspace_id', '=', actor.workspaceId)
        .where('is_admin', '=', 1)
        .executeTakeFirstOrThrow();
      if (Number(admins.n) <= 1)
        throw new AppError(
          'conflict',
          'A workspace needs at least one admin. Make someone else admin first.',
        );
    }
    await tx
      .updateTable('users')
      .set({ is_admin: isAdmin ? 1 : 0 })
      .where('id', '=', memberId)
      .execute();
    return { id: member.id, name: member.name, email: member.email, isAdmin, createdAt: member.created_at };
  });
}
