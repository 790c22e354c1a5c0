import type { Me, SessionState } from '../../../../common/schemas.js';
import type { Db } from '../../../db/database.js';
import type { Actor } from '../../../privacy/actor.js';

/** Presents the signed-in person with their workspace. */
export async function presentMe(db: Db, actor: Actor): Promise<Me> {
  const workspace = await db
    .selectFrom('workspaces')
    .select(['id', 'name', 'is_demo'])
    .where('id', '=', actor.workspaceId)
    .executeTakeFirstOrThrow();
  const { id, name, email, isAdmin } = actor;
  return {
    id,
    name,
    email,
    isAdmin,
    workspace: { id: workspace.id, name: workspace.name, isDemo: workspace.is_demo === 1 },
    roles: await rolesOf(db, id),
  };
}

/**
 * The person's roles as the web app's menu reads them from their pairs (my-pairs.tsx: isPmIn,
 * coachesIn): a PM once an offer was answered, a coach while a pair is active.
 */
async function rolesOf(db: Db, personId: string): Promise<Me['roles']> {
  const rows = await db
    .selectFrom('pairs')
    .select(['pm_id', 'coach_id', 'status'])
    .where((eb) => eb.or([eb('pm_id', '=', personId), eb('coach_id', '=', personId)]))
    .execute();
  return {
    isPm: rows.some((r) => r.pm_id === personId && r.status !== 'pending'),
    coaches: rows.some((r) => r.coach_id === personId && r.status === 'active'),
  };
}

/** True until the first real (non-demo) workspace exists. */
export async function isSetupNeeded(db: Db): Promise<boolean> {
  const row = await db.selectFrom('workspaces').select('id').where('is_demo', '=', 0).executeTakeFirst();
  return !row;
}

export async function sessionState(input: {
  db: Db;
  actor: Actor | null;
  csrfToken: string;
}): Promise<SessionState> {
  const { db, actor, csrfToken } = input;
  return {
    setupNeeded: await isSetupNeeded(db),
    csrfToken,
    me: actor ? await presentMe(db, actor) : null,
  };
}

/** Loads a person as an Actor (after sign-in, before the session cookie is read back). */
export async function actorById(db: Db, id: string): Promise<Actor> {
  const u = await db
    .selectFrom('users')
    .select(['id', 'workspace_id', 'name', 'email', 'is_admin'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { id: u.id, workspaceId: u.workspace_id, name: u.name, email: u.email, isAdmin: u.is_admin === 1 };
}
