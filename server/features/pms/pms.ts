import type { Db } from '../../db/database.js';

/** The PM and who coaches them now. Call only after authorize() has let the actor in. */
export async function pmOverview(db: Db, pmId: string) {
  const pm = await db
    .selectFrom('users')
    .select(['id', 'name', 'email'])
    .where('id', '=', pmId)
    .executeTakeFirstOrThrow();
  const coaches = await db
    .selectFrom('pairs')
    .innerJoin('users', 'users.id', 'pairs.coach_id')
    .select(['users.id', 'users.name', 'users.email', 'pairs.accepted_at'])
    .where('pairs.pm_id', '=', pmId)
    .where('pairs.status', '=', 'active')
    .orderBy('pairs.accepted_at')
    .execute();
  return {
    pm,
    coaches: coaches.map((c) => ({ id: c.id, name: c.name, email: c.email, since: c.accepted_at ?? '' })),
  };
}
