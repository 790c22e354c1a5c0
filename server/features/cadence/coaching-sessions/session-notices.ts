import type { Config } from '../../../config.js';
import type { Db } from '../../../db/database.js';
import { enqueueDelivery } from '../deliveries/outbox.js';
import { publicAddressOf } from '../../people/setup/public-address.js';
import type { CoachingSessionRow } from './coaching-session-reading.js';
import { renderSessionIcs, type ItipMethod, type SessionIcsEvent } from './invitation-ics.js';
import { ruleInWords, type SeriesRow } from './series.js';

/**
 * "Session scheduled, moved, cancelled" (issue 21): both people hear of it on their channels,
 * once (the outbox's key holds the SEQUENCE), and their email carries an iTIP invitation
 * (RFC 5546) frozen at the moment of the change: REQUEST for a new or changed session or series,
 * CANCEL for a cancelled one (or one cancelled occurrence, by its RECURRENCE-ID).
 */
export type SessionChange = 'session-scheduled' | 'session-moved' | 'session-cancelled';

/** What changed: one session, a whole series, or one occurrence of a series cancelled. */
export type ChangeTarget =
  | { kind: 'session'; row: CoachingSessionRow }
  | { kind: 'series'; series: SeriesRow; first: CoachingSessionRow | null }
  | { kind: 'occurrence'; series: SeriesRow; row: CoachingSessionRow };

export type AddressConfig = Pick<Config, 'publicUrl' | 'publicUrlSet' | 'smtpUrl'>;

const kindWord = (kind: 'monthly' | 'weekly') => (kind === 'weekly' ? 'Weekly check-in' : 'Coaching session');

/** "Tue 12 Jan 2027, 10:00": a local time as people read it (computed on the local fields). */
export function whenWords(local: string) {
  const d = new Date(`${local}:00Z`);
  const day = d.toLocaleDateString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return `${day.replace(/,/g, '')}, ${local.slice(11, 16)}`;
}

interface Person {
  id: string;
  name: string;
  email: string;
  workspace_id: string;
}

/** A series as VEVENTs: the rule with EXDATEs for cancelled occurrences, and an override per moved one. */
export async function seriesEvents(
  db: Db,
  series: SeriesRow,
  base: Omit<SessionIcsEvent, 'uid' | 'localStart' | 'minutes' | 'timeZone' | 'sequence' | 'cancelled'>,
) {
  const rows = await db
    .selectFrom('coaching_sessions')
    .selectAll()
    .where('series_id', '=', series.id)
    .execute();
  const uid = `coaching-series-${series.id}@wheelhouse`;
  const within = (r: CoachingSessionRow) =>
    !series.last_local_start || (r.occurrence_start ?? '') <= series.last_local_start;
  const master: SessionIcsEvent = {
    ...base,
    uid,
    localStart: series.local_start,
    minutes: series.minutes,
    timeZone: series.time_zone,
    sequence: series.sequence,
    cancelled: series.status === 'cancelled',
    rrule: series.rrule,
    lastLocalStart: series.last_local_start,
    exdates: rows.filter((r) => r.status === 'cancelled' && within(r)).map((r) => r.occurrence_start!),
  };
  if (series.status === 'cancelled') return [master];
  // Occurrences moved away from the rule's time (or length): RECURRENCE-ID overrides of the same UID.
  const moved = rows
    .filter(
      (r) =>
        r.status !== 'cancelled' &&
        within(r) &&
        (r.local_start !== r.occurrence_start ||
          r.minutes !== series.minutes ||
          r.time_zone !== series.time_zone),
    )
    .map((r): SessionIcsEvent => ({
      ...base,
      uid,
      localStart: r.local_start,
      minutes: r.minutes,
      timeZone: r.time_zone,
      sequence: series.sequence,
      cancelled: false,
      recurrenceId: r.occurrence_start,
    }));
  return [master, ...moved];
}

/** The invitation one person receives, and the method it carries. */
async function invitationFor(input: {
  db: Db;
  target: ChangeTarget;
  pm: Person;
  coach: Person;
  recipient: Person;
  url: string;
  now: Date;
}): Promise<string> {
  const { db, target, pm, coach, recipient, url, now } = input;
  const other = recipient.id === pm.id ? coach : pm;
  const kind = target.kind === 'session' ? target.row.kind : target.series.kind;
  const base = {
    summary: `${kindWord(kind)} with ${other.name}`,
    description: `Your ${kindWord(kind).toLowerCase()} in Wheelhouse. The agenda prepares itself from the plan: ${url}`,
    url,
    organizer: { name: coach.name, email: coach.email },
    attendees: [
      { name: pm.name, email: pm.email, rsvp: true },
      { name: coach.name, email: coach.email, rsvp: false },
    ],
  };
  let method: ItipMethod;
  let events: SessionIcsEvent[];
  if (target.kind === 'session') {
    const r = target.row;
    method = r.status === 'cancelled' ? 'CANCEL' : 'REQUEST';
    events = [
      {
        ...base,
        uid: `coaching-session-${r.id}@wheelhouse`,
        localStart: r.local_start,
        minutes: r.minutes,
        timeZone: r.time_zone,
        sequence: r.sequence,
        cancelled: r.status === 'cancelled',
      },
    ];
  } else if (target.kind === 'occurrence') {
    const r = target.row;
    method = 'CANCEL';
    events = [
      {
        ...base,
        uid: `coaching-series-${target.series.id}@wheelhouse`,
        localStart: r.local_start,
        minutes: r.minutes,
        timeZone: r.time_zone,
        sequence: target.series.sequence,
        cancelled: true,
        recurrenceId: r.occurrence_start,
      },
    ];
  } else {
    method = target.series.status === 'cancelled' ? 'CANCEL' : 'REQUEST';
    events = await seriesEvents(db, target.series, base);
  }
  return renderSessionIcs({ method, events, now });
}

const titleOf = (change: SessionChange, target: ChangeTarget, other: string) => {
  if (target.kind === 'series') {
    const words = `${kindWord(target.series.kind)}s with ${other}: ${ruleInWords(target.series.rrule).toLowerCase()} at ${target.series.local_start.slice(11)}`;
    if (change === 'session-scheduled') return words;
    if (target.series.status === 'cancelled')
      return `${kindWord(target.series.kind)}s with ${other} cancelled`;
    return change === 'session-cancelled'
      ? `${kindWord(target.series.kind)}s with ${other} end after ${whenWords(target.series.last_local_start!)}`
      : `${words} (changed)`;
  }
  const r = target.row;
  if (change === 'session-scheduled')
    return `${kindWord(r.kind)} with ${other} on ${whenWords(r.local_start)}`;
  if (change === 'session-moved')
    return `${kindWord(r.kind)} with ${other} moved to ${whenWords(r.local_start)}`;
  return `${kindWord(r.kind)} with ${other} on ${whenWords(r.local_start)} cancelled`;
};

/** Tells the PM and the coach (in-app, and on each channel they chose; email with the invitation). */
export async function tellBoth(input: {
  db: Db;
  config: AddressConfig;
  now: Date;
  change: SessionChange;
  target: ChangeTarget;
  actorId: string;
  reason?: string;
}): Promise<void> {
  const { db, config, now, change, target, actorId, reason } = input;
  const owner = target.kind === 'series' ? target.series : target.row;
  const people = await db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'workspace_id'])
    .where('id', 'in', [owner.pm_id, owner.coach_id])
    .execute();
  const pm = people.find((p) => p.id === owner.pm_id)!;
  const coach = people.find((p) => p.id === owner.coach_id)!;
  // Only the words of the notice: who made the change (access was decided before the change).
  const changer = people.find((p) => p.id === actorId);
  const sessionId = target.kind === 'series' ? target.first?.id : target.row.id;
  const link = sessionId ? `/coaching-sessions/${sessionId}` : `/pms/${owner.pm_id}/coaching-sessions`;
  const { address } = await publicAddressOf({ db, config, workspaceId: pm.workspace_id });
  const sequence = target.kind === 'session' ? target.row.sequence : target.series.sequence;
  const subject =
    target.kind === 'occurrence'
      ? `${target.row.id}`
      : target.kind === 'series'
        ? target.series.id
        : target.row.id;
  for (const recipient of [pm, coach]) {
    const other = recipient.id === pm.id ? coach : pm;
    const calendar = await invitationFor({ db, target, pm, coach, recipient, url: `${address}${link}`, now });
    const said = reason ? ` Reason: ${reason}` : '';
    await enqueueDelivery({
      db,
      now,
      delivery: {
        recipientId: recipient.id,
        kind: change,
        key: `${change}:${target.kind}:${subject}:${sequence}:${recipient.id}`,
        title: titleOf(change, target, other.name),
        text: `${changer && changer.id !== recipient.id ? `${changer.name} made this change.` : 'You made this change.'}${said}`,
        link,
        calendar,
      },
    });
  }
}
