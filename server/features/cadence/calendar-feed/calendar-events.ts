import type { Db } from '../../../db/database.js';
import { refreshDueAt } from '../../plan/plans/plan-dates.js';
import { revisitDueAt } from '../../plan/visions/vision-revisit.js';
import type { SessionIcsEvent } from '../coaching-sessions/invitation-ics.js';
import { seriesEvents } from '../coaching-sessions/session-notices.js';

/** One event of a feed: names and kinds only, never coaching content (no action text, no notes). */
export interface FeedEvent {
  uid: string;
  summary: string;
  description: string;
  /** Timed events: UTC instants. All-day events: the date at 00:00 UTC. */
  start: Date;
  end: Date;
  allDay: boolean;
  cancelled: boolean;
  /** Grows with each change (reschedule, cancel), so calendar apps take the newer copy. */
  sequence: number;
}

const DAY_MS = 86_400_000;
/** How far back a feed reaches: a year of sessions is plenty for a calendar, and keeps it small. */
const HISTORY_DAYS = 365;

const allDay = (uid: string, date: string, summary: string, description: string): FeedEvent => {
  const start = new Date(`${date}T00:00:00Z`);
  return {
    uid,
    summary,
    description,
    start,
    end: new Date(start.getTime() + DAY_MS),
    allDay: true,
    cancelled: false,
    sequence: 0,
  };
};

/** The person's live pairs, as PM and as coach, with the other side's name. */
async function livePairsOf(db: Db, userId: string) {
  const rows = await db
    .selectFrom('pairs')
    .innerJoin('users as pm', 'pm.id', 'pairs.pm_id')
    .innerJoin('users as coach', 'coach.id', 'pairs.coach_id')
    .select(['pairs.pm_id', 'pairs.coach_id', 'pm.name as pm_name', 'coach.name as coach_name'])
    .where('pairs.status', '=', 'active')
    .where((eb) => eb.or([eb('pairs.pm_id', '=', userId), eb('pairs.coach_id', '=', userId)]))
    .execute();
  // Which side the person is on only picks the name a title shows; the query above decided the scope.
  return rows.map((r) => ({ ...r, ownPm: r.pm_id === userId }));
}

type LivePair = Awaited<ReturnType<typeof livePairsOf>>[number];

/** Coaching sessions and weekly check-ins of the live pairs (cancelled ones marked so). */
async function sessionEvents(db: Db, pairs: LivePair[], now: Date): Promise<FeedEvent[]> {
  if (!pairs.length) return [];
  const rows = await db
    .selectFrom('coaching_sessions')
    .select([
      'id',
      'pm_id',
      'coach_id',
      'kind',
      'status',
      'starts_at',
      'local_start',
      'time_zone',
      'minutes',
      'sequence',
      'series_id',
    ])
    .where((eb) =>
      eb.or(pairs.map((p) => eb.and([eb('pm_id', '=', p.pm_id), eb('coach_id', '=', p.coach_id)]))),
    )
    .where('starts_at', '>=', new Date(now.getTime() - HISTORY_DAYS * DAY_MS).toISOString())
    // Occurrences of a series travel as the series (its RRULE), see feedSeries.
    .where('series_id', 'is', null)
    .execute();
  return rows.map((s) => {
    const pair = pairs.find((p) => p.pm_id === s.pm_id && p.coach_id === s.coach_id)!;
    const other = pair.ownPm ? pair.coach_name : pair.pm_name;
    const kind = s.kind === 'weekly' ? 'Weekly check-in' : 'Coaching session';
    const start = new Date(s.starts_at);
    return {
      uid: `coaching-session-${s.id}@wheelhouse`,
      summary: `${kind} with ${other}`,
      description: `${s.local_start.replace('T', ' ')} (${s.time_zone}), ${s.minutes} minutes. Open Wheelhouse for the agenda.`,
      start,
      end: new Date(start.getTime() + s.minutes * 60_000),
      allDay: false,
      cancelled: s.status === 'cancelled',
      // A stored counter, bumped only when the time, length or status changes (decision 055).
      sequence: s.sequence,
    };
  });
}

/** The quarterly refresh of each current plan and the revisit of each agreed vision, as all-day events. */
async function cadenceEvents(db: Db, pairs: LivePair[]): Promise<FeedEvent[]> {
  const pmIds = [...new Set(pairs.map((p) => p.pm_id))];
  if (!pmIds.length) return [];
  const whose = (pmId: string) => {
    const pair = pairs.find((p) => p.pm_id === pmId)!;
    return pair.ownPm ? '' : ` (${pair.pm_name})`;
  };
  const plans = await db
    .selectFrom('plans')
    .select(['id', 'pm_id', 'created_at'])
    .where('pm_id', 'in', pmIds)
    .where('replaced_at', 'is', null)
    .execute();
  const visions = await db
    .selectFrom('vision_proposals')
    .select(['pm_id', (eb) => eb.fn.max('decided_at').as('agreed_at')])
    .where('pm_id', 'in', pmIds)
    .where('status', '=', 'agreed')
    .groupBy('pm_id')
    .execute();
  return [
    ...plans.map((p) =>
      allDay(
        `plan-refresh-${p.id}@wheelhouse`,
        refreshDueAt(p.created_at).slice(0, 10),
        `Plan refresh due${whose(p.pm_id)}`,
        'The development plan is a quarter old: time for a new headline or focus.',
      ),
    ),
    ...visions.flatMap((v) => {
      const due = revisitDueAt(v.agreed_at);
      return due
        ? [
            allDay(
              `vision-revisit-${v.pm_id}@wheelhouse`,
              due.slice(0, 10),
              `Shared vision revisit due${whose(v.pm_id)}`,
              'The shared vision was agreed a quarter ago: revisit it together.',
            ),
          ]
        : [];
    }),
  ];
}

/** The person's own open actions with a due date (as PM): "Action due" only, the text is coaching content. */
async function actionEvents(db: Db, userId: string): Promise<FeedEvent[]> {
  const rows = await db
    .selectFrom('plan_actions')
    .innerJoin('plans', 'plans.id', 'plan_actions.plan_id')
    .select(['plan_actions.lineage_id', 'plan_actions.due_on'])
    .where('plans.pm_id', '=', userId)
    .where('plans.replaced_at', 'is', null)
    .where('plan_actions.due_on', 'is not', null)
    .where('plan_actions.status', 'in', ['not_started', 'in_progress'])
    .execute();
  return rows.map((a) =>
    allDay(
      `action-${a.lineage_id}@wheelhouse`,
      a.due_on!,
      'Action due',
      'An action of your development plan is due.',
    ),
  );
}

/** Everything a person's feed shows: five small queries, whatever their number of pairs. */
export async function feedEvents(input: { db: Db; userId: string; now: Date }): Promise<FeedEvent[]> {
  const { db, userId, now } = input;
  const pairs = await livePairsOf(db, userId);
  return [
    ...(await sessionEvents(db, pairs, now)),
    ...(await cadenceEvents(db, pairs)),
    ...(await actionEvents(db, userId)),
  ];
}

/**
 * The recurring series of the person's live pairs, each as its rule in its time zone (a TZID and
 * its VTIMEZONE: a rule in UTC would move 10:00 Berlin to 11:00 in summer) with EXDATEs for the
 * cancelled occurrences and an override per moved one. Series ended more than a year ago are left out.
 */
export async function feedSeries(input: { db: Db; userId: string; now: Date }): Promise<SessionIcsEvent[]> {
  const { db, userId } = input;
  const pairs = await livePairsOf(db, userId);
  if (!pairs.length) return [];
  const series = await db
    .selectFrom('session_series')
    .selectAll()
    .where((eb) =>
      eb.or(pairs.map((p) => eb.and([eb('pm_id', '=', p.pm_id), eb('coach_id', '=', p.coach_id)]))),
    )
    .execute();
  const people = await db
    .selectFrom('users')
    .select(['id', 'name', 'email'])
    .where('id', 'in', [...new Set(pairs.flatMap((p) => [p.pm_id, p.coach_id]))])
    .execute();
  const personOf = (id: string) => people.find((p) => p.id === id) ?? { id, name: 'Someone', email: '' };
  const out: SessionIcsEvent[] = [];
  for (const s of series) {
    const pair = pairs.find((p) => p.pm_id === s.pm_id && p.coach_id === s.coach_id)!;
    const other = pair.ownPm ? pair.coach_name : pair.pm_name;
    const kind = s.kind === 'weekly' ? 'Weekly check-in' : 'Coaching session';
    const pm = personOf(s.pm_id);
    const coach = personOf(s.coach_id);
    out.push(
      ...(await seriesEvents(db, s, {
        summary: `${kind} with ${other}`,
        description: `${s.minutes} minutes. Open Wheelhouse for the agenda.`,
        url: '',
        organizer: { name: coach.name, email: coach.email },
        attendees: [{ name: pm.name, email: pm.email, rsvp: false }],
      })),
    );
  }
  return out;
}
