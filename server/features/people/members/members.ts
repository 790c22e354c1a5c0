import type { MemberRemoved } from '../../../../common/erasure.js';
import type { Member, Person } from '../../../../common/schemas.js';
import type { Db } from '../../../db/database.js';
import { lockRow } from '../../../db/lock.js';
import { AppError, notFound } from '../../../http/errors.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorizeWorkspace } from '../../../privacy/workspace-rules.js';
import { endPairsOf } from '../pairs/pairs.js';
import { announce } from '../../../live/bus.js';

/** The workspace's members for the admin area: who they are, never their coaching data. */
export async function listMembers(input: { db: Db; actor: Actor }): Promise<Member[]> {
  authorizeWorkspace({ actor: input.actor, action: 'member:list' });
  const rows = await input.db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'is_admin', 'created_at'])
    .where('workspace_id', '=', input.actor.workspaceId)
    .where('removed_at', 'is', null)
    .where('erased_at', 'is', null)
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
    .where('removed_at', 'is', null)
    .where('erased_at', 'is', null)
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
    // Every change to who is admin queues on the workspace row, so two admins stepping each
    // other down at the same moment cannot both see "another admin is left" (issue 19).
    await lockRow(tx, 'workspaces', actor.workspaceId);
    const member = await tx
      .selectFrom('users')
      .select(['id', 'name', 'email', 'is_admin', 'created_at'])
      .where('id', '=', memberId)
      .where('workspace_id', '=', actor.workspaceId)
      .executeTakeFirst();
    if (!member) throw notFound();
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

/**
 * An admin takes a member out of the workspace (decision 043): every pairing of theirs ends at
 * once, as coach and as PM, and they leave the member lists. Their own data stays theirs: they can
 * still sign in to read and export it, and erase it. An admin is removed only after stepping down.
 */
export async function removeMember(input: {
  db: Db;
  actor: Actor;
  memberId: string;
  now: Date;
}): Promise<MemberRemoved> {
  const { db, actor, memberId, now } = input;
  const removed = await db.transaction().execute(async (trx) => {
    // Parallel removals of one member queue here: one removes, the others hear "already removed".
    await lockRow(trx, 'users', memberId);
    const member = await trx
      .selectFrom('users')
      .select(['id', 'workspace_id', 'is_admin', 'removed_at'])
      .where('id', '=', memberId)
      .where('erased_at', 'is', null)
      .executeTakeFirst();
    if (!member) throw notFound();
    authorizeWorkspace({ actor, action: 'member:remove', thing: member });
    if (member.is_admin === 1)
      throw new AppError('conflict', 'Take away their admin rights first; then remove them.');
    if (member.removed_at) throw new AppError('conflict', 'This member has already been removed.');
    const pairsEnded = await endPairsOf(trx, memberId, now.toISOString());
    await trx
      .updateTable('users')
      .set({ removed_at: now.toISOString() })
      .where('id', '=', memberId)
      .execute();
    // Signed out now; they sign in again to export or erase what is theirs.
    await trx.deleteFrom('sessions').where('user_id', '=', memberId).execute();
    return { id: memberId, pairsEnded };
  });
  // After the commit: their open live pages, and their PMs', are checked again (decision 056).
  await announce(db, { kind: 'recheck', people: [memberId] });
  return removed;
}
