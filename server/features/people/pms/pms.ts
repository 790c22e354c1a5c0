import type { PmOverview } from '../../../../common/schemas.js';
import type { Db } from '../../../db/database.js';
import { recordAccess } from '../../../privacy/access-log.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorize } from '../../../privacy/authorize.js';

/** The PM and who coaches them now (the PM and their current coaches only). */
export async function readOverview(input: { db: Db; actor: Actor; pmId: string }): Promise<PmOverview> {
  const { db, pmId } = input;
  const grant = await authorize({ ...input, action: 'overview:read' });
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
  await recordAccess({ db, grant, resource: 'overview' });
  return {
    pm,
    coaches: coaches.map((c) => ({ id: c.id, name: c.name, email: c.email, since: c.accepted_at ?? '' })),
    viewerRelation: grant.side,
  };
}
