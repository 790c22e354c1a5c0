import type { SinceLastTime } from '../../../../common/coaching-sessions.js';
import type { Db } from '../../../db/database.js';
import type { Viewer } from '../../../privacy/rules.js';
import { dipsVisibleTo } from '../../assess/wheel/history.js';
import { checkInsVisibleTo, presentCheckIn } from '../check-ins/check-ins.js';
import { findPlanRow } from '../../plan/plans/plan-reading.js';
import { heldBefore } from './carry-forward.js';
import type { CoachingSessionRow } from './coaching-session-reading.js';

/**
 * The "since last time" strip: the PM's colours as last set, actions done, check-ins and dips
 * since the pair's last held session, each as this viewer may see it (a coach never gets a
 * private check-in: the rules' 'check-in:see' through checkInsVisibleTo). Logs nothing.
 */
export async function sinceLastTime(db: Db, viewer: Viewer, row: CoachingSessionRow): Promise<SinceLastTime> {
  const last = await heldBefore(db, row);
  const since = last?.ended_at ?? null;
  const after = (at: string | null) => at !== null && (since === null || at > since);
  const colours = last
    ? await db
        .selectFrom('session_theme_colours as c')
        .innerJoin('coaching_sessions as s', 's.id', 'c.session_id')
        .select(['c.lineage_id', 'c.theme_title', 'c.colour', 'c.set_at'])
        .where('s.pm_id', '=', row.pm_id)
        .where('s.coach_id', '=', row.coach_id)
        .where('s.status', '=', 'held')
        .where('s.starts_at', '<=', last.starts_at)
        .where('c.side', '=', 'pm')
        .orderBy('c.set_at')
        .execute()
    : [];
  // The latest colour per theme, in the order themes were first coloured.
  const byTheme = new Map<string, { title: string; colour: (typeof colours)[number]['colour'] }>();
  for (const c of colours) byTheme.set(c.lineage_id, { title: c.theme_title, colour: c.colour });
  const plan = await findPlanRow(db, row.pm_id);
  const done = plan
    ? await db
        .selectFrom('plan_actions')
        .select(['text', 'done_at'])
        .where('plan_id', '=', plan.id)
        .where('status', '=', 'done')
        .orderBy('done_at')
        .execute()
    : [];
  const checkIns = (await checkInsVisibleTo(db, viewer, { limit: 20 }))
    .filter((c) => after(c.created_at))
    .reverse()
    .map(presentCheckIn);
  const dips = (await dipsVisibleTo(db, viewer)).filter((d) => after(d.revealedAt));
  return {
    last: last ? { id: last.id, kind: last.kind, localStart: last.local_start } : null,
    colours: [...byTheme.values()],
    actionsDone: done.filter((a) => after(a.done_at)).map((a) => ({ text: a.text, doneAt: a.done_at! })),
    checkIns: checkIns.map((c) => ({
      feelings: c.emotions.map((e) => e.name).join(', '),
      about: c.about.title,
      at: c.createdAt,
    })),
    dips: dips.map((d) => ({ areaName: d.areaName, drop: d.drop, roundTitle: d.roundTitle })),
  };
}
