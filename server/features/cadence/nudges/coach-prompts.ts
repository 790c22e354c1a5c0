import type { Rag } from '../../../../common/coaching-sessions.js';
import type { Db } from '../../../db/database.js';
import { localDay } from '../coaching-sessions/zoned-time.js';
import type { DueDelivery, DueProducer } from '../deliveries/due.js';
import { selectNudgeIdeas } from './ideas.js';
import { isoWeek, isoWeekday } from './periods.js';

/** The coach's chosen day (0 or 7 Sunday, 1 Monday … 6 Saturday) matches a local day. */
const isPromptDay = (chosen: number, day: string) => chosen % 7 === isoWeekday(day) % 7;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

interface PairRow {
  coach_id: string;
  pm_id: string;
  accepted_at: string | null;
  prompt_day: number | null;
  time_zone: string | null;
}

/**
 * The weekly prompt for coaches: on each coach's chosen day (default Monday, in their time zone),
 * one delivery per coach and ISO week listing, per PM they coach, how many nudge ideas there are,
 * with a link. Set-based: a fixed handful of queries per sweep however many pairs. The title
 * carries no coaching content; the counts leave out dips (worked out per round, on the PM's page).
 * The outbox's unique key makes repeated sweeps in the same week one delivery.
 */
export const dueCoachPrompts: DueProducer = async ({ db, now }) => {
  const pairs: PairRow[] = await db
    .selectFrom('pairs as p')
    .leftJoin('notification_settings as s', 's.user_id', 'p.coach_id')
    .select(['p.coach_id', 'p.pm_id', 'p.accepted_at', 's.coach_prompt_day as prompt_day', 's.time_zone'])
    .where('p.status', '=', 'active')
    .orderBy('p.coach_id')
    .orderBy('p.pm_id')
    .execute();
  const due = pairs.filter((p) =>
    isPromptDay(p.prompt_day ?? 1, localDay(now.toISOString(), p.time_zone ?? 'UTC')),
  );
  if (!due.length) return [];
  const counts = await ideaCounts(db, due, now);
  const byCoach = new Map<string, PairRow[]>();
  for (const p of due) byCoach.set(p.coach_id, [...(byCoach.get(p.coach_id) ?? []), p]);
  const deliveries: DueDelivery[] = [];
  for (const [coachId, own] of byCoach) {
    const zone = own[0]!.time_zone ?? 'UTC';
    const week = isoWeek(localDay(now.toISOString(), zone));
    const lines = own.map((p) => {
      const c = counts.get(`${p.coach_id}:${p.pm_id}`)!;
      return `[${c.pmName}: ${plural(c.count, 'nudge idea')}](/pms/${p.pm_id}#nudge-ideas)`;
    });
    deliveries.push({
      recipientId: coachId,
      kind: 'coach-weekly-prompt',
      key: `coach-weekly-prompt:${coachId}:${week}`,
      title: 'Your weekly nudge ideas',
      text: `Ideas for a small nudge this week:\n${lines.join('\n')}`,
      link: own.length === 1 ? `/pms/${own[0]!.pm_id}#nudge-ideas` : '/',
    });
  }
  return deliveries;
};

/** The number of nudge ideas per pair ("coachId:pmId"), from a few queries over all the pairs. */
async function ideaCounts(db: Db, pairs: PairRow[], now: Date) {
  const pmIds = [...new Set(pairs.map((p) => p.pm_id))];
  const people = await db
    .selectFrom('users as u')
    .leftJoin('notification_settings as s', 's.user_id', 'u.id')
    .select(['u.id', 'u.name', 's.time_zone'])
    .where('u.id', 'in', pmIds)
    .execute();
  const pmOf = new Map(people.map((p) => [p.id, p]));
  const plans = await db
    .selectFrom('plans')
    .select(['id', 'pm_id'])
    .where('pm_id', 'in', pmIds)
    .where('replaced_at', 'is', null)
    .execute();
  const planIds = plans.map((p) => p.id);
  const pmOfPlan = new Map(plans.map((p) => [p.id, p.pm_id]));
  const actions = planIds.length
    ? await db
        .selectFrom('plan_actions')
        .select(['plan_id', 'lineage_id', 'text', 'due_on', 'status'])
        .where('plan_id', 'in', planIds)
        .where('status', 'in', ['not_started', 'in_progress'])
        .where('due_on', 'is not', null)
        .execute()
    : [];
  const themes = planIds.length
    ? await db
        .selectFrom('plan_themes')
        .select(['plan_id', 'lineage_id', 'title'])
        .where('plan_id', 'in', planIds)
        .execute()
    : [];
  const colours = await db
    .selectFrom('session_theme_colours as c')
    .innerJoin('coaching_sessions as s', 's.id', 'c.session_id')
    .select(['s.pm_id', 'c.lineage_id', 'c.colour', 's.local_start', 'c.set_at'])
    .where('s.pm_id', 'in', pmIds)
    .where('c.side', '=', 'pm')
    .where('s.status', 'in', ['in_progress', 'held'])
    .execute();
  const sessions = await db
    .selectFrom('coaching_sessions')
    .select(['pm_id', 'coach_id', 'starts_at', 'local_start'])
    .where('pm_id', 'in', pmIds)
    .where('status', '=', 'scheduled')
    .where('starts_at', '>', now.toISOString())
    .orderBy('starts_at')
    .execute();
  const nudges = await db
    .selectFrom('nudges')
    .select(['pm_id', 'coach_id', (eb) => eb.fn.max('created_at').as('last')])
    .where('pm_id', 'in', pmIds)
    .groupBy(['pm_id', 'coach_id'])
    .execute();

  // The latest colour per PM and theme lineage (the month of the session, then when it was set),
  // set during this pairing: the count shows only what the coach may see.
  const latestColour = (pmId: string, lineageId: string, since: string) => {
    let found: { colour: Rag; order: string } | null = null;
    for (const c of colours) {
      if (c.pm_id !== pmId || c.lineage_id !== lineageId || c.set_at < since) continue;
      const order = `${c.local_start.slice(0, 7)}~${c.set_at}`;
      if (!found || found.order < order) found = { colour: c.colour, order };
    }
    return found;
  };

  const counts = new Map<string, { pmName: string; count: number }>();
  for (const p of pairs) {
    const pm = pmOf.get(p.pm_id);
    const zone = pm?.time_zone ?? 'UTC';
    const last = nudges.find((n) => n.pm_id === p.pm_id && n.coach_id === p.coach_id)?.last ?? null;
    const next = sessions.find((s) => s.pm_id === p.pm_id && s.coach_id === p.coach_id);
    const ideas = selectNudgeIdeas({
      now,
      today: localDay(now.toISOString(), zone),
      actions: actions
        .filter((a) => pmOfPlan.get(a.plan_id) === p.pm_id)
        .map((a) => ({ lineageId: a.lineage_id, text: a.text, dueOn: a.due_on, status: a.status })),
      themeColours: themes
        .filter((t) => pmOfPlan.get(t.plan_id) === p.pm_id)
        .flatMap((t) => {
          const c = latestColour(p.pm_id, t.lineage_id, p.accepted_at ?? '9999');
          return c ? [{ lineageId: t.lineage_id, title: t.title, colour: c.colour }] : [];
        }),
      dips: [],
      nextSession: next ? { startsAt: next.starts_at, localStart: next.local_start } : null,
      // A nudge of an earlier pairing does not count for this one.
      lastNudgeAt: last && last >= (p.accepted_at ?? '') ? String(last) : null,
    });
    counts.set(`${p.coach_id}:${p.pm_id}`, { pmName: pm?.name ?? 'Your PM', count: ideas.length });
  }
  return counts;
}
