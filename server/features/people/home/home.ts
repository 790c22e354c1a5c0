import type { HomeSummary, PmSummary } from '../../../../common/home.js';
import type { Dip } from '../../../../common/wheel-rounds.js';
import type { Db } from '../../../db/database.js';
import { recordAccess } from '../../../privacy/access-log.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorizeEach } from '../../../privacy/authorize.js';
import { colourHistoriesFor } from '../../cadence/coaching-sessions/coaching-session-reading.js';
import { planGlances } from '../../plan/plans/plan-glance.js';
import { visionGlances } from '../../plan/visions/vision-glance.js';
import { cachedDips } from '../../assess/wheel/history.js';
import { withCurrentAreaNames } from '../../assess/wheel/dip-names.js';
import { wheelStamps } from '../../assess/wheel/wheel-cache.js';

/**
 * The home page in one read (the coach's digest): the person's own summary and one for each PM
 * they coach now, from set-based queries: the same dozen whatever the number of PMs (who may
 * see what: two; names: one; the wheels' stamps: one; plans: four; visions: one; colours: four;
 * the dips come from each PM's cached wheel). Each PM's access log gets one honest entry, "saw a
 * summary on their home page", written once every summary is built (a failure leaves no entry),
 * all in one grouped INSERT (decision 045).
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
  const plans = await planGlances(db, grants);
  const visions = await visionGlances(db, grants);
  const colours = await colourHistoriesFor(db, grants, 6);
  // The dips come from each PM's cached wheel: no query while its stamp is unchanged; then all
  // of them are named as their frameworks name areas now, in one go (decision 062).
  const cached: Dip[][] = [];
  for (const grant of grants) cached.push(await cachedDips(db, grant, stamps.get(grant.pmId)));
  const dips = await withCurrentAreaNames(db, cached);
  const built: PmSummary[] = [];
  for (const [i, grant] of grants.entries())
    built.push({
      pm: people.get(grant.pmId)!,
      dips: dips[i]!,
      plan: plans[i]!,
      vision: visions[i]!,
      colourHistory: colours[i]!,
    });
  await Promise.all(grants.map((grant) => recordAccess({ db, grant, resource: 'home summary' })));
  const [me, ...coached] = built;
  return { me: me!, coached };
}
