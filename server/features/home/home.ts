import type { HomeSummary, PmSummary } from '../../../common/home.js';
import type { Db } from '../../db/database.js';
import { recordAccess } from '../../privacy/access-log.js';
import type { Actor } from '../../privacy/actor.js';
import { authorize, type Grant } from '../../privacy/authorize.js';
import { colourHistoryFor } from '../coaching-sessions/coaching-session-reading.js';
import { planGlance } from '../plans/plan-glance.js';
import { visionGlance } from '../visions/vision-glance.js';
import { dipsVisibleTo } from '../wheel/history.js';

/**
 * The home page in one read: the person's own summary and one for each PM they coach now.
 * Each PM's access log gets one honest entry, "saw a summary on their home page", written once
 * every summary is built (a failure leaves no entry), instead of a plan, vision and dips read each.
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
  const built: { grant: Grant; summary: PmSummary }[] = [];
  for (const pmId of [actor.id, ...coachedIds.map((p) => p.pm_id)]) {
    const grant = await authorize({ db, actor, action: 'summary:read', pmId });
    built.push({ grant, summary: await summaryFor(db, grant) });
  }
  for (const { grant } of built) await recordAccess({ db, grant, resource: 'home summary' });
  const [me, ...coached] = built.map((b) => b.summary);
  return { me: me!, coached };
}

async function summaryFor(db: Db, grant: Grant): Promise<PmSummary> {
  const pm = await db
    .selectFrom('users')
    .select(['id', 'name', 'email'])
    .where('id', '=', grant.pmId)
    .executeTakeFirstOrThrow();
  return {
    pm,
    dips: await dipsVisibleTo(db, grant),
    plan: await planGlance(db, grant),
    vision: await visionGlance(db, grant),
    colourHistory: await colourHistoryFor(db, grant, 6),
  };
}
