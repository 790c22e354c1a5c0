import { hashPassword } from '../../../server/features/people/auth/passwords.js';
import { newId, nowIso } from '../../../server/util.js';
import { PASSWORD } from '../../support/factories.js';
import type { TestApp } from '../../support/test-app.js';
import type { Relation, World } from '../../support/world.js';
import { signedIn, type MatrixRow } from './types.js';

/**
 * Erasure and member removal (issue 11, decision 043). Everyone signed in reads what their own
 * erasure would take and erases their own account (never anyone else's: there is no id in the
 * path); only an admin of the workspace removes a member, an admin elsewhere gets a 404.
 */
let hash: Promise<string> | undefined;

/** The world's admins are each their workspace's only admin; give them a second one first. */
async function secondAdminFor(w: World, relation: Relation, app: TestApp) {
  if (relation !== 'admin' && relation !== 'outsider') return;
  const { db } = app.deps;
  const me = await db
    .selectFrom('users')
    .select('workspace_id')
    .where('id', '=', w.people[relation].id)
    .executeTakeFirstOrThrow();
  const now = nowIso();
  hash ??= hashPassword(PASSWORD, 'fast-for-tests');
  await db
    .insertInto('users')
    .values({
      id: newId(),
      workspace_id: me.workspace_id,
      email: `second-admin-${newId()}@example.com`,
      name: 'Second Admin',
      password_hash: await hash,
      is_admin: 1,
      created_at: now,
      password_changed_at: now,
    })
    .execute();
}

export const erasureRows: MatrixRow[] = [
  {
    method: 'GET',
    path: '/api/account/erasure',
    allowed: signedIn,
    request: () => ({ path: '/api/account/erasure' }),
  },
  {
    method: 'POST',
    path: '/api/account/erasure',
    allowed: signedIn,
    request: async (w, relation, app) => {
      await secondAdminFor(w, relation, app);
      return { path: '/api/account/erasure', body: { password: PASSWORD, confirm: true } };
    },
  },
  {
    method: 'DELETE',
    path: '/api/members/{id}',
    allowed: ['admin'],
    request: (w) => ({ path: `/api/members/${w.pm.id}` }),
  },
];
