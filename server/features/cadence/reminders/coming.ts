import type { Coming, ComingItem } from '../../../../common/coming.js';
import type { Db } from '../../../db/database.js';
import { recordAccess } from '../../../privacy/access-log.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorizeEach } from '../../../privacy/authorize.js';
import { localDay, zonedToUtc } from '../coaching-sessions/zoned-time.js';
import { settingsOfUser } from '../deliveries/settings.js';
import { quietUntil } from '../deliveries/timing.js';
import { DAY_MS, actionReminderDays, clockIn, sessionReminderAt } from './reminder-rules.js';

/** How far ahead "what is coming" looks. */
export const COMING_DAYS = 14;

const dayWords = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(
    new Date(iso),
  );

/**
 * "reminder the day before at 9:00": when the reminder reaches the person, from the same rules
 * the sweep uses (sessionReminderAt, actionReminderDays) and the same quiet hours it holds;
 * null when it has gone out already.
 */
function reminderWords(
  dueAt: Date,
  eventAt: string,
  now: Date,
  settings: Awaited<ReturnType<typeof settingsOfUser>>,
) {
  if (dueAt.getTime() <= now.getTime()) return null;
  const at = quietUntil(dueAt, settings.quietHours, settings.timeZone) ?? dueAt;
  const zone = settings.timeZone;
  const gap = Math.round(
    (Date.parse(`${localDay(eventAt, zone)}T00:00:00Z`) -
      Date.parse(`${localDay(at.toISOString(), zone)}T00:00:00Z`)) /
      DAY_MS,
  );
  const day =
    gap === 0 ? 'the same day' : gap === 1 ? 'the day before' : `on ${dayWords(at.toISOString(), zone)}`;
  return `reminder ${day} at ${clockIn(at.toISOString(), zone)}`;
}

/**
 * The next two weeks for the signed-in person: their scheduled coaching sessions (as PM or coach,
 * live pairs only) and, as a PM, the actions of their current plan falling due, each with when
 * its reminder comes. Logged once per PM whose sessions it shows.
 */
export async function whatIsComing(input: { db: Db; actor: Actor; now: Date }): Promise<Coming> {
  const { db, actor, now } = input;
  const settings = await settingsOfUser(db, actor.id);
  const zone = settings.timeZone;
  const until = new Date(now.getTime() + COMING_DAYS * DAY_MS).toISOString();
  const sessions = await db
    .selectFrom('coaching_sessions as s')
    .innerJoin('pairs as p', (j) =>
      j.onRef('p.pm_id', '=', 's.pm_id').onRef('p.coach_id', '=', 's.coach_id').on('p.status', '=', 'active'),
    )
    .innerJoin('users as pm', 'pm.id', 's.pm_id')
    .innerJoin('users as coach', 'coach.id', 's.coach_id')
    .select([
      's.id',
      's.pm_id',
      's.coach_id',
      's.kind',
      's.starts_at',
      'pm.name as pmName',
      'coach.name as coachName',
    ])
    .where('s.status', '=', 'scheduled')
    .where('s.starts_at', '>', now.toISOString())
    .where('s.starts_at', '<=', until)
    .where((eb) => eb.or([eb('s.pm_id', '=', actor.id), eb('s.coach_id', '=', actor.id)]))
    .orderBy('s.starts_at')
    .execute();
  const pmIds = [...new Set(sessions.map((s) => s.pm_id))];
  const grants = pmIds.length
    ? await authorizeEach({ db, actor, action: 'coaching-session:list', pmIds })
    : [];
  const items: ComingItem[] = sessions.map((s) => {
    const other = { [s.coach_id]: s.pmName, [s.pm_id]: s.coachName }[actor.id];
    const what = s.kind === 'weekly' ? 'weekly check-in' : 'coaching session';
    return {
      kind: 'session',
      at: s.starts_at,
      words: `${dayWords(s.starts_at, zone)}, ${clockIn(s.starts_at, zone)}: ${what} with ${other}`,
      reminder: reminderWords(sessionReminderAt(s.starts_at), s.starts_at, now, settings),
      link: `/coaching-sessions/${s.id}`,
    };
  });
  const today = localDay(now.toISOString(), zone);
  const last = localDay(until, zone);
  const actions = await db
    .selectFrom('plan_actions as a')
    .innerJoin('plans', 'plans.id', 'a.plan_id')
    .select(['a.id', 'a.due_on'])
    .where('plans.pm_id', '=', actor.id)
    .where('plans.replaced_at', 'is', null)
    .where('a.status', 'in', ['not_started', 'in_progress'])
    .where('a.due_on', '>=', today)
    .where('a.due_on', '<=', last)
    .execute();
  for (const a of actions) {
    const dueOn = a.due_on!;
    const at = zonedToUtc(`${dueOn}T00:00`, zone);
    const [firstDay] = actionReminderDays(dueOn);
    items.push({
      kind: 'action-due',
      at,
      words: `${dayWords(at, zone)}: an action of your plan is due`,
      reminder: reminderWords(new Date(zonedToUtc(`${firstDay}T00:00`, zone)), at, now, settings),
      link: `/pms/${actor.id}/plan`,
    });
  }
  items.sort((x, y) => x.at.localeCompare(y.at));
  await Promise.all(grants.map((grant) => recordAccess({ db, grant, resource: 'what is coming' })));
  return { items, timeZone: zone };
}
