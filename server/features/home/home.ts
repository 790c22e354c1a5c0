import type { HomeSummary, PmSummary } from '../../../common/home.js';
import type { Db } from '../../db/database.js';
import { recordAccess } from '../../privacy/access-log.js';
import type { Actor } from '../../privacy/actor.js';
import { authorizeEach, type Grant } from '../../privacy/authorize.js';
import { colourHistoryFor } from '../coaching-sessions/coaching-session-reading.js';
import { planGlance } from '../plans/plan-glance.js';
import { visionGlance } from '../visions/vision-glance.js';
import { dipsVisibleTo } from '../wheel/history.js';
import { wheelStamps } from '../wheel/wheel-cache.js';

/**
 * The home page in one read (the coach's digest): the person's own summary and one for each PM
 * they coach now. Who may see what is decided for all PMs at once (two queries), the names in
 * one, the wheels' stamps in one (the dips come from the cached wheel). Each PM's access log gets
 * one honest entry, "saw a summary on their home page", written once every summary is built (a
 * failure leaves no entry), all in one grouped INSERT (decision 045).
 */
export async function readHome(input: { db: Db; actor: Actor }): Promise<HomeSummary> {
  const { db, actor } = input;
  const coachedIds = await db
    .selectFrom('pairs')
    .innerJoin('users', 'users.id', 'pairs.pm_id')
    .select('pairs.pm_id')
    .where('pairs.coach_id', '=', actor.id)
    .where('pairs.status', '=', 'active')
    .orderBy('users.name')
    .execute();
  const pmIds = [...new Set([actor.id, ...coachedIds.map((p) => p.pm_id)])];
  const grants = await authorizeEach({ db, actor, action: 'summary:read', pmIds });
  const people = new Map(
    (await db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', pmIds).execute()).map(
      (u) => [u.id, u],
    ),
  );
  const stamps = await wheelStamps(db, pmIds);
  const built: PmSummary[] = [];
  for (const grant of grants) built.push(await summaryFor(db, grant, people, stamps));
  await Promise.all(grants.map((grant) => recordAccess({ db, grant, resource: 'home summary' })));
  const [me, ...coached] = built;
  return { me: me!, coached };
}

async function summaryFor(
  db: Db,
  grant: Grant,
  people: Map<string, { id: string; name: string; email: string }>,
  stamps: Map<string, string>,
): Promise<PmSummary> {
  return {
    pm: people.get(grant.pmId)!,
    dips: await dipsVisibleTo(db, grant, stamps.get(grant.pmId)),
    plan: await planGlance(db, grant),
    vision: await visionGlance(db, grant),
    colourHistory: await colourHistoryFor(db, grant, 6),
  };
}
