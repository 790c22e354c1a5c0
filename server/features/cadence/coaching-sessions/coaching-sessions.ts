import type {
  CancelCoachingSessionInput,
  CoachingSession,
  CoachingSessionList,
  NextStepInput,
  Rag,
  RescheduleCoachingSessionInput,
  ScheduleCoachingSessionInput,
} from '../../../../common/coaching-sessions.js';
import { sql } from 'kysely';
import type { Db } from '../../../db/database.js';
import { checkEditVersions } from '../../../db/edit-versions.js';
import { lockRow } from '../../../db/lock.js';
import { AppError, notFound } from '../../../http/errors.js';
import { recordAccess } from '../../../privacy/access-log.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorize, type Grant } from '../../../privacy/authorize.js';
import { newId } from '../../../util.js';
import { currentPlanOrFail, currentTheme, insertAction, touchPlan } from '../../plan/plans/plan-writing.js';
import { markAsked } from '../../define-good/questions/suggest.js';
import { prepareAgendaOnce } from './agenda-preparation.js';
import { carryForward, nextOpenAfter } from './carry-forward.js';
import {
  coachingSessionRow,
  coachingSessionsOf,
  colourHistoryFor,
  pitfallGuards,
  presentCoachingSession,
  presentInfos,
  type CoachingSessionRow,
} from './coaching-session-reading.js';
import { zonedToUtc } from './zoned-time.js';
import { seal } from '../../../crypto/sealed-fields.js';
import { materialiseSeries, materialiseSeriesOf, ruleFor, type SeriesRow } from './series.js';
import { tellBoth, type AddressConfig } from './session-notices.js';
import { announce } from '../../../live/bus.js';
import { replaceSharedNotes } from './notes-document.js';

/**
 * Coaching sessions: either side of an active pair schedules one; both prepare, run and close
 * it. Every read and change is a row of the rules table; a coaching session id from the path is
 * tied to its PM before anything else. Changes answer with the whole coaching session.
 */

interface Call {
  db: Db;
  actor: Actor;
  now: Date;
}
type SessionCall = Call & { coachingSessionId: string };
/** Changes that tell the other person need the workspace's address for the links they carry. */
type TellingCall = { config: AddressConfig };

const MAX_AGENDA_ITEMS = 60;
const MAX_NEXT_STEPS = 20;

/** The PM's coaching sessions (upcoming soonest first, past newest first), guards and colour history. */
export async function listCoachingSessions(input: Call & { pmId: string }): Promise<CoachingSessionList> {
  const { db, actor, pmId, now } = input;
  const grant = await authorize({ db, actor, action: 'coaching-session:list', pmId });
  await materialiseSeriesOf(db, pmId, now);
  const rows = await coachingSessionsOf(db, grant);
  const infos = await presentInfos(db, rows);
  const open = (s: { status: string }) => s.status === 'scheduled' || s.status === 'in_progress';
  const list: CoachingSessionList = {
    pm: await personOf(db, pmId),
    viewerSide: grant.side,
    coaches: await currentCoaches(db, pmId),
    upcoming: infos.filter(open),
    past: infos.filter((s) => !open(s)).reverse(),
    guards: await pitfallGuards(db, grant, rows, now),
    colourHistory: await colourHistoryFor(db, grant),
  };
  await recordAccess({ db, grant, resource: 'coaching sessions' });
  return list;
}

const personOf = (db: Db, id: string) =>
  db.selectFrom('users').select(['id', 'name', 'email']).where('id', '=', id).executeTakeFirstOrThrow();

const currentCoaches = (db: Db, pmId: string) =>
  db
    .selectFrom('pairs')
    .innerJoin('users', 'users.id', 'pairs.coach_id')
    .select(['users.id', 'users.name', 'users.email'])
    .where('pairs.pm_id', '=', pmId)
    .where('pairs.status', '=', 'active')
    .orderBy('users.name')
    .execute();

/** Either side schedules; a PM with several coaches names one (a current one). */
export async function scheduleCoachingSession(
  input: Call & TellingCall & { pmId: string; schedule: ScheduleCoachingSessionInput },
): Promise<CoachingSession> {
  const { db, actor, pmId, now, schedule, config } = input;
  const grant = await authorize({ db, actor, action: 'coaching-session:schedule', pmId });
  const coaches = await currentCoaches(db, pmId);
  let coachId: string;
  if (grant.side === 'coach') coachId = grant.actorId;
  else if (schedule.coachId) {
    const chosen = coaches.find((c) => c.id === schedule.coachId);
    if (!chosen) throw new AppError('validation_failed', 'coachId: choose one of your current coaches.');
    coachId = chosen.id;
  } else if (coaches.length === 1) coachId = coaches[0]!.id;
  else if (coaches.length === 0)
    throw new AppError('conflict', 'You have no coach right now. A coaching session needs one.');
  else throw new AppError('validation_failed', 'coachId: choose which of your coaches this is with.');
  const at = now.toISOString();
  if (schedule.repeat) {
    const id = await db.transaction().execute(async (tx) => {
      const series: SeriesRow = {
        id: newId(),
        pm_id: pmId,
        coach_id: coachId,
        kind: schedule.kind ?? 'monthly',
        rrule: ruleFor(schedule.startsAt, schedule.repeat!),
        local_start: schedule.startsAt,
        time_zone: schedule.timeZone,
        minutes: schedule.minutes ?? 60,
        status: 'active',
        last_local_start: null,
        sequence: 0,
        created_by: grant.actorId,
        created_at: at,
      };
      await tx.insertInto('session_series').values(series).execute();
      await materialiseSeries(tx, series, now);
      const first = await tx
        .selectFrom('coaching_sessions')
        .selectAll()
        .where('series_id', '=', series.id)
        .orderBy('starts_at')
        .executeTakeFirstOrThrow();
      await tellBoth({
        db: tx,
        config,
        now,
        change: 'session-scheduled',
        target: { kind: 'series', series, first },
        actorId: grant.actorId,
      });
      return first.id;
    });
    return answer(db, grant, id, now, 'coaching session');
  }
  const row: CoachingSessionRow = {
    id: newId(),
    pm_id: pmId,
    coach_id: coachId,
    kind: schedule.kind ?? 'monthly',
    status: 'scheduled',
    starts_at: zonedToUtc(schedule.startsAt, schedule.timeZone),
    local_start: schedule.startsAt,
    time_zone: schedule.timeZone,
    minutes: schedule.minutes ?? 60,
    created_by: grant.actorId,
    created_at: at,
    updated_at: at,
    agenda_prepared_at: null,
    action_statuses: null,
    started_at: null,
    ended_at: null,
    cancelled_at: null,
    shared_notes: '',
    colours_set: null,
    actions_moved: null,
    next_steps: null,
    sequence: 0,
    series_id: null,
    occurrence_start: null,
    cancel_reason: null,
  };
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('coaching_sessions').values(row).execute();
    await tellBoth({
      db: tx,
      config,
      now,
      change: 'session-scheduled',
      target: { kind: 'session', row },
      actorId: grant.actorId,
    });
  });
  return answer(db, grant, row.id, now, 'coaching session');
}

/** The coaching session and the viewer's grant for an action on it (404 outside it). */
async function open(
  input: SessionCall,
  action: 'coaching-session:read' | 'coaching-session:change' | 'coaching-session-private-note:write',
) {
  const row = await coachingSessionRow(input.db, input.coachingSessionId);
  const grant = await authorize({
    db: input.db,
    actor: input.actor,
    action,
    pmId: row.pm_id,
    thing: { coachingSession: row },
  });
  return { row, grant };
}

async function answer(db: Db, grant: Grant, id: string, now: Date, resource: string) {
  const row = await coachingSessionRow(db, id);
  const session = await presentCoachingSession(db, grant, row, now);
  await recordAccess({ db, grant, resource });
  // The other side's open page shows the change within a second (decision 056).
  if (grant.action !== 'coaching-session:read') await announce(db, { kind: 'changed', sessionId: id });
  return session;
}

const conflictUnless = (
  row: CoachingSessionRow,
  allowed: CoachingSessionRow['status'][],
  message: string,
) => {
  if (!allowed.includes(row.status)) throw new AppError('conflict', message);
};

/** One coaching session; its agenda is prepared on the first read. */
export async function getCoachingSession(input: SessionCall): Promise<CoachingSession> {
  const { db, now } = input;
  const { row, grant } = await open(input, 'coaching-session:read');
  await prepareAgendaOnce(db, row, now);
  return answer(db, grant, row.id, now, 'coaching session');
}

/** A new date, time, zone, length or kind, before it starts; for a series, this one or the rest. */
export async function rescheduleCoachingSession(
  input: SessionCall & TellingCall & { patch: RescheduleCoachingSessionInput },
): Promise<CoachingSession> {
  const { db, now, patch } = input;
  const { row, grant } = await open(input, 'coaching-session:change');
  conflictUnless(row, ['scheduled'], 'Only a coaching session that has not started can be rescheduled.');
  const next = {
    kind: patch.kind ?? row.kind,
    minutes: patch.minutes ?? row.minutes,
    local_start: patch.startsAt ?? row.local_start,
    time_zone: patch.timeZone ?? row.time_zone,
  };
  // SEQUENCE moves with the time, length or status only: a new kind alone changes no calendar.
  const moved =
    next.local_start !== row.local_start || next.time_zone !== row.time_zone || next.minutes !== row.minutes;
  const series = row.series_id ? await seriesOf(db, row.series_id) : null;
  await db.transaction().execute(async (tx) => {
    if (series && patch.scope === 'rest' && moved) {
      await moveTheRest({ tx, input, row, series, next, actorId: grant.actorId });
      return;
    }
    const changed = await tx
      .updateTable('coaching_sessions')
      .set({
        ...next,
        starts_at: zonedToUtc(next.local_start, next.time_zone),
        sequence: moved ? row.sequence + 1 : row.sequence,
        updated_at: now.toISOString(),
      })
      .where('id', '=', row.id)
      .where('status', '=', 'scheduled')
      .where('sequence', '=', row.sequence)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1)
      throw new AppError('conflict', 'This coaching session changed meanwhile: reload and try again.');
    if (!moved) return;
    const after = await coachingSessionRow(tx, row.id);
    if (!series)
      return tellBoth({
        db: tx,
        config: input.config,
        now,
        change: 'session-moved',
        target: { kind: 'session', row: after },
        actorId: grant.actorId,
      });
    const bumped = await bumpSeries(tx, series, {});
    await tellBoth({
      db: tx,
      config: input.config,
      now,
      change: 'session-moved',
      target: { kind: 'series', series: bumped, first: after },
      actorId: grant.actorId,
    });
  });
  return answer(db, grant, row.id, now, 'coaching session');
}

const seriesOf = (db: Db, id: string) =>
  db.selectFrom('session_series').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** One more SEQUENCE for the series (its invitation changed), with other changes; answers the new row. */
async function bumpSeries(db: Db, series: SeriesRow, set: Partial<SeriesRow>): Promise<SeriesRow> {
  const done = await db
    .updateTable('session_series')
    .set({ ...set, sequence: series.sequence + 1 })
    .where('id', '=', series.id)
    .where('sequence', '=', series.sequence)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1)
    throw new AppError('conflict', 'This series changed meanwhile: reload and try again.');
  return seriesOf(db, series.id);
}

/** The latest occurrence the series keeps before `row`, or null when `row` is its first. */
async function occurrenceBefore(db: Db, series: SeriesRow, row: CoachingSessionRow) {
  const before = await db
    .selectFrom('coaching_sessions')
    .select((eb) => eb.fn.max('occurrence_start').as('last'))
    .where('series_id', '=', series.id)
    .where('occurrence_start', '<', row.occurrence_start!)
    .executeTakeFirst();
  return before?.last ?? null;
}

/**
 * "This and the rest" moved: the series ends before this occurrence (or is cancelled, when this
 * is its first), and a new series with the same repeat starts at the new time. Later occurrences
 * not yet started go; this one (agenda and notes kept) becomes the new series' first.
 */
async function moveTheRest(args: {
  tx: Db;
  input: SessionCall & TellingCall;
  row: CoachingSessionRow;
  series: SeriesRow;
  next: { kind: CoachingSessionRow['kind']; minutes: number; local_start: string; time_zone: string };
  actorId: string;
}) {
  const { tx, input, row, series, next, actorId } = args;
  const { now, config } = input;
  const last = await occurrenceBefore(tx, series, row);
  const old = await bumpSeries(tx, series, last ? { last_local_start: last } : { status: 'cancelled' });
  await tx
    .deleteFrom('coaching_sessions')
    .where('series_id', '=', series.id)
    .where('occurrence_start', '>', row.occurrence_start!)
    .where('status', '=', 'scheduled')
    .execute();
  const fresh: SeriesRow = {
    ...series,
    id: newId(),
    kind: next.kind,
    rrule: ruleFor(next.local_start, series.rrule.includes('WEEKLY') ? 'weekly' : 'monthly'),
    local_start: next.local_start,
    time_zone: next.time_zone,
    minutes: next.minutes,
    status: 'active',
    last_local_start: null,
    sequence: 0,
    created_by: actorId,
    created_at: now.toISOString(),
  };
  await tx.insertInto('session_series').values(fresh).execute();
  await tx
    .updateTable('coaching_sessions')
    .set({
      ...next,
      starts_at: zonedToUtc(next.local_start, next.time_zone),
      series_id: fresh.id,
      occurrence_start: next.local_start,
      sequence: row.sequence + 1,
      updated_at: now.toISOString(),
    })
    .where('id', '=', row.id)
    .execute();
  await materialiseSeries(tx, fresh, now);
  const first = await coachingSessionRow(tx, row.id);
  await tellBoth({
    db: tx,
    config,
    now,
    change: 'session-moved',
    target: { kind: 'series', series: old, first: null },
    actorId,
  });
  await tellBoth({
    db: tx,
    config,
    now,
    change: 'session-scheduled',
    target: { kind: 'series', series: fresh, first },
    actorId,
  });
}

/** Cancelled, not deleted: both still see it, marked cancelled, with the reason if one was given. */
export async function cancelCoachingSession(
  input: SessionCall & TellingCall & { cancel?: CancelCoachingSessionInput },
): Promise<CoachingSession> {
  const { db, now, config } = input;
  const reason = input.cancel?.reason?.trim() ?? '';
  const scope = input.cancel?.scope ?? 'this';
  const { row, grant } = await open(input, 'coaching-session:change');
  const series = row.series_id ? await seriesOf(db, row.series_id) : null;
  const at = now.toISOString();
  const cancelled = {
    status: 'cancelled' as const,
    cancelled_at: at,
    updated_at: at,
    cancel_reason: reason ? seal(db, 'coaching_sessions.cancel_reason', reason) : null,
  };
  await db.transaction().execute(async (tx) => {
    const done = await tx
      .updateTable('coaching_sessions')
      .set({ ...cancelled, sequence: row.sequence + 1 })
      .where('id', '=', row.id)
      .where('status', '=', 'scheduled')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1)
      throw new AppError('conflict', 'Only a coaching session that has not started can be cancelled.');
    const after = await coachingSessionRow(tx, row.id);
    const tell = {
      db: tx,
      config,
      now,
      change: 'session-cancelled' as const,
      actorId: grant.actorId,
      reason,
    };
    if (!series) return tellBoth({ ...tell, target: { kind: 'session', row: after } });
    if (scope === 'this') {
      const bumped = await bumpSeries(tx, series, {});
      return tellBoth({ ...tell, target: { kind: 'occurrence', series: bumped, row: after } });
    }
    // This and the rest: later occurrences are cancelled too, and the series ends before this one.
    await tx
      .updateTable('coaching_sessions')
      .set({ ...cancelled, sequence: sql`sequence + 1` })
      .where('series_id', '=', series.id)
      .where('occurrence_start', '>', row.occurrence_start!)
      .where('status', '=', 'scheduled')
      .execute();
    const last = await occurrenceBefore(tx, series, row);
    const bumped = await bumpSeries(tx, series, last ? { last_local_start: last } : { status: 'cancelled' });
    await tellBoth({ ...tell, target: { kind: 'series', series: bumped, first: null } });
  });
  return answer(db, grant, row.id, now, 'coaching session');
}

/** Opens the coaching session: the agenda is prepared (if not yet) and the plan's actions noted, to see what moves. */
export async function startCoachingSession(input: SessionCall): Promise<CoachingSession> {
  const { db, now } = input;
  const { row, grant } = await open(input, 'coaching-session:change');
  conflictUnless(row, ['scheduled'], 'This coaching session has already started or is closed.');
  await prepareAgendaOnce(db, row, now);
  const statuses = await actionStatuses(db, row.pm_id);
  const done = await db
    .updateTable('coaching_sessions')
    .set({
      status: 'in_progress',
      started_at: now.toISOString(),
      action_statuses: JSON.stringify(statuses),
      updated_at: now.toISOString(),
    })
    .where('id', '=', row.id)
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1)
    throw new AppError('conflict', 'This coaching session has already started or is closed.');
  return answer(db, grant, row.id, now, 'coaching session');
}

/** Each action of the current plan by lineage, with its status. */
async function actionStatuses(db: Db, pmId: string): Promise<Record<string, string>> {
  const rows = await db
    .selectFrom('plan_actions as a')
    .innerJoin('plans as p', 'p.id', 'a.plan_id')
    .select(['a.lineage_id', 'a.status'])
    .where('p.pm_id', '=', pmId)
    .where('p.replaced_at', 'is', null)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.lineage_id, r.status]));
}

/** Ends it and records what moved: colours set, actions whose status changed, next steps. */
export async function endCoachingSession(input: SessionCall): Promise<CoachingSession> {
  const { db, now } = input;
  const { row, grant } = await open(input, 'coaching-session:change');
  conflictUnless(row, ['in_progress'], 'Only a coaching session in progress can be ended.');
  const colours = await db
    .selectFrom('session_theme_colours')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('session_id', '=', row.id)
    .executeTakeFirstOrThrow();
  const steps = await db
    .selectFrom('session_next_steps')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('session_id', '=', row.id)
    .executeTakeFirstOrThrow();
  const before = JSON.parse(row.action_statuses ?? '{}') as Record<string, string>;
  const after = await actionStatuses(db, row.pm_id);
  const moved = Object.entries(before).filter(
    ([lineage, status]) => after[lineage] && after[lineage] !== status,
  ).length;
  const questions = await db
    .selectFrom('session_agenda_items')
    .select('ref_id')
    .where('session_id', '=', row.id)
    .where('kind', '=', 'question')
    .where('done', '=', 1)
    .execute();
  const next = await db.transaction().execute(async (tx) => {
    const done = await tx
      .updateTable('coaching_sessions')
      .set({
        status: 'held',
        ended_at: now.toISOString(),
        updated_at: now.toISOString(),
        colours_set: Number(colours.n),
        actions_moved: moved,
        next_steps: Number(steps.n),
      })
      .where('id', '=', row.id)
      .where('status', '=', 'in_progress')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1)
      throw new AppError('conflict', 'Only a coaching session in progress can be ended.');
    await markAsked({
      db: tx,
      pmId: row.pm_id,
      questionIds: questions.flatMap((q) => (q.ref_id ? [q.ref_id] : [])),
      sessionId: row.id,
      now,
    });
    // What was not covered goes to the pair's next session now, if one is planned (once: decision 060).
    const following = await nextOpenAfter(tx, row);
    return following && (await carryForward(tx, row, following)) > 0 ? following : null;
  });
  if (next) await announce(db, { kind: 'changed', sessionId: next.id });
  return answer(db, grant, row.id, now, 'coaching session');
}

/** Either side adds an item before or during the coaching session; it records who added it. */
export async function addAgendaItem(input: SessionCall & { text: string }): Promise<CoachingSession> {
  const { db, now } = input;
  const { row, grant } = await open(input, 'coaching-session:change');
  conflictUnless(
    row,
    ['scheduled', 'in_progress'],
    'This coaching session is closed; its agenda stays as it was.',
  );
  const last = await db
    .selectFrom('session_agenda_items')
    .select([(eb) => eb.fn.max('position').as('max'), (eb) => eb.fn.countAll().as('n')])
    .where('session_id', '=', row.id)
    .executeTakeFirst();
  if (Number(last?.n ?? 0) >= MAX_AGENDA_ITEMS)
    throw new AppError('conflict', `An agenda holds at most ${MAX_AGENDA_ITEMS} items.`);
  await db
    .insertInto('session_agenda_items')
    .values({
      id: newId(),
      session_id: row.id,
      position: last?.max === null || last?.max === undefined ? 0 : Number(last.max) + 1,
      kind: 'own',
      text: seal(db, 'session_agenda_items.text', input.text),
      detail: null,
      ref_id: null,
      added_by: grant.actorId,
      added_side: grant.side,
      done: 0,
      created_at: now.toISOString(),
    })
    .execute();
  return answer(db, grant, row.id, now, 'coaching session agenda');
}

/** Ticks an agenda item off (or back). */
export async function setAgendaItemDone(
  input: SessionCall & { itemId: string; done: boolean },
): Promise<CoachingSession> {
  const { db, now } = input;
  const { row, grant } = await open(input, 'coaching-session:change');
  conflictUnless(row, ['scheduled', 'in_progress', 'held'], 'This coaching session was cancelled.');
  const done = await db
    .updateTable('session_agenda_items')
    .set({ done: input.done ? 1 : 0 })
    .where('id', '=', input.itemId)
    .where('session_id', '=', row.id)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) throw notFound();
  return answer(db, grant, row.id, now, 'coaching session agenda');
}

/**
 * Puts the agenda in the order given (every item once). An agenda that changed meanwhile (an item
 * added by the other person) is a 409, nothing moved: the page shows the agenda as it is now.
 */
export async function reorderAgenda(input: SessionCall & { itemIds: string[] }): Promise<CoachingSession> {
  const { db, now } = input;
  const { row, grant } = await open(input, 'coaching-session:change');
  conflictUnless(
    row,
    ['scheduled', 'in_progress'],
    'This coaching session is closed; its agenda stays as it was.',
  );
  await db.transaction().execute(async (tx) => {
    await lockRow(tx, 'coaching_sessions', row.id);
    const items = await tx
      .selectFrom('session_agenda_items')
      .select('id')
      .where('session_id', '=', row.id)
      .execute();
    const wanted = new Set(input.itemIds);
    if (wanted.size !== items.length || items.some((i) => !wanted.has(i.id)))
      throw new AppError('conflict', 'The agenda changed meanwhile. Here it is as it is now: try again.');
    for (const [position, id] of input.itemIds.entries())
      await tx.updateTable('session_agenda_items').set({ position }).where('id', '=', id).execute();
  });
  return answer(db, grant, row.id, now, 'coaching session agenda');
}

/**
 * Red, amber or green for a theme, with one line of why. The PM's is THE colour; a coach records
 * their own view beside it (one per side: a unique index), never overwriting the PM's.
 */
export async function setThemeColour(
  input: SessionCall & { themeId: string; colour: Rag; why: string },
): Promise<CoachingSession> {
  const { db, now } = input;
  const { row, grant } = await open(input, 'coaching-session:change');
  conflictUnless(row, ['in_progress'], 'Colours are set during the coaching session: start it first.');
  const theme = await currentTheme(db, row.pm_id, input.themeId);
  const at = now.toISOString();
  await db
    .insertInto('session_theme_colours')
    .values({
      id: newId(),
      session_id: row.id,
      lineage_id: theme.lineage_id,
      theme_id: theme.id,
      theme_title: theme.title,
      side: grant.side,
      colour: input.colour,
      why: input.why,
      set_by: grant.actorId,
      set_at: at,
    })
    .onConflict((oc) =>
      oc.columns(['session_id', 'lineage_id', 'side']).doUpdateSet({
        colour: input.colour,
        why: input.why,
        theme_id: theme.id,
        theme_title: theme.title,
        set_by: grant.actorId,
        set_at: at,
      }),
    )
    .execute();
  return answer(db, grant, row.id, now, 'coaching session colours');
}

/**
 * The shared notes as a whole text (the API's PUT): turned into the smallest change of the
 * notes document, so it merges with what the other side is typing live (decision 056).
 */
export async function saveSharedNotes(input: SessionCall & { body: string }): Promise<CoachingSession> {
  const { db, now } = input;
  const { row, grant } = await open(input, 'coaching-session:change');
  conflictUnless(row, ['scheduled', 'in_progress', 'held'], 'This coaching session was cancelled.');
  await replaceSharedNotes(db, row, input.body);
  await db
    .updateTable('coaching_sessions')
    .set({ updated_at: now.toISOString() })
    .where('id', '=', row.id)
    .execute();
  return answer(db, grant, row.id, now, 'coaching session notes');
}

/** The viewer's own private note: only its author ever reads it back. */
export async function savePrivateNote(
  input: SessionCall & { body: string; versions?: { body?: string } },
): Promise<CoachingSession> {
  const { db, now } = input;
  const { row, grant } = await open(input, 'coaching-session-private-note:write');
  const at = now.toISOString();
  const sealed = seal(db, 'session_private_notes.body', input.body);
  await db.transaction().execute(async (tx) => {
    await checkEditVersions(tx, {
      table: 'session_private_notes',
      row: { session_id: row.id, author_id: grant.actorId },
      fields: { body: 'body' },
      versions: input.versions,
    });
    await tx
      .insertInto('session_private_notes')
      .values({ session_id: row.id, author_id: grant.actorId, body: sealed, updated_at: at })
      .onConflict((oc) =>
        oc.columns(['session_id', 'author_id']).doUpdateSet({ body: sealed, updated_at: at }),
      )
      .execute();
  });
  return answer(db, grant, row.id, now, 'own private note of a coaching session');
}

/**
 * A next step on a theme: the PM's becomes an action of their plan; a coach's arrives as a
 * suggestion the PM accepts or declines, as everywhere in the plan.
 */
export async function addNextStep(input: SessionCall & { step: NextStepInput }): Promise<CoachingSession> {
  const { db, now, step } = input;
  const { row, grant } = await open(input, 'coaching-session:change');
  conflictUnless(row, ['in_progress'], 'Next steps are agreed during the coaching session: start it first.');
  const count = await db
    .selectFrom('session_next_steps')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('session_id', '=', row.id)
    .executeTakeFirstOrThrow();
  if (Number(count.n) >= MAX_NEXT_STEPS)
    throw new AppError('conflict', `A coaching session holds at most ${MAX_NEXT_STEPS} next steps.`);
  const plan = await currentPlanOrFail(db, row.pm_id);
  const theme = await currentTheme(db, row.pm_id, step.themeId);
  const at = now.toISOString();
  await db.transaction().execute(async (tx) => {
    let actionId: string | null = null;
    let suggestionId: string | null = null;
    if (grant.side === 'pm') {
      actionId = await insertAction(tx, {
        planId: plan.id,
        themeId: theme.id,
        action: { text: step.text, dueOn: step.dueOn ?? null, status: 'not_started', evidence: '' },
        origin: { origin: 'pm' },
      });
      await touchPlan(tx, plan.id);
    } else {
      suggestionId = newId();
      await tx
        .insertInto('plan_suggestions')
        .values({
          id: suggestionId,
          plan_id: plan.id,
          author_id: grant.actorId,
          kind: 'new_action',
          theme_id: theme.id,
          action_id: null,
          title: null,
          why: null,
          text: step.text,
          due_on: step.dueOn ?? null,
          targets: '[]',
          message: seal(tx, 'plan_suggestions.message', 'A next step from our coaching session.'),
          status: 'open',
          created_at: at,
          decided_at: null,
          decline_reason: null,
          result_theme_id: null,
          result_action_id: null,
        })
        .execute();
    }
    await tx
      .insertInto('session_next_steps')
      .values({
        id: newId(),
        session_id: row.id,
        author_id: grant.actorId,
        side: grant.side,
        position: Number(count.n),
        text: step.text,
        theme_title: theme.title,
        action_id: actionId,
        suggestion_id: suggestionId,
        created_at: at,
      })
      .execute();
  });
  return answer(db, grant, row.id, now, 'coaching session next steps');
}
