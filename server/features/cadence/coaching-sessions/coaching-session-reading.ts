import { ruleInWords } from './series.js';
import type {
  CoachingSession,
  CoachingSessionInfo,
  ColourHistory,
  PitfallGuard,
} from '../../../../common/coaching-sessions.js';
import type { CoachingSessionTable } from '../../../db/schema.js';
import type { Db } from '../../../db/database.js';
import { notFound } from '../../../http/errors.js';
import { may } from '../../../privacy/authorize.js';
import type { Viewer } from '../../../privacy/rules.js';
import { visibleSince } from '../../../privacy/visible-history.js';
import { findPlanRow } from '../../plan/plans/plan-reading.js';
import { agendaOwnership } from './agenda.js';
import { colourHistory } from './colour-history.js';
import { sinceLastTime } from './since-last-time.js';
import { bigBangReview, tacticalTakeover } from './guards.js';
import { unseal } from '../../../crypto/sealed-fields.js';

export type CoachingSessionRow = CoachingSessionTable;

/** A coaching session by id, or a 404 like any missing thing. */
export async function coachingSessionRow(db: Db, id: string): Promise<CoachingSessionRow> {
  const row = await db.selectFrom('coaching_sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/**
 * The PM's coaching sessions the viewer takes part in (a PM: all; a coach: their own), and for a
 * coach the PM's sessions from before the pairing when the PM shared them (decision 038).
 */
export async function coachingSessionsOf(db: Db, viewer: Viewer): Promise<CoachingSessionRow[]> {
  const rows = await db
    .selectFrom('coaching_sessions')
    .selectAll()
    .where('pm_id', '=', viewer.pmId)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
  return rows.filter((coachingSession) => may(viewer, 'coaching-session:read', { coachingSession }));
}

async function peopleById(db: Db, ids: string[]) {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map<string, { id: string; name: string; email: string }>();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name', 'email'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Coaching sessions as both sides see them in a list. */
export async function presentInfos(db: Db, rows: CoachingSessionRow[]): Promise<CoachingSessionInfo[]> {
  const people = await peopleById(
    db,
    rows.flatMap((r) => [r.pm_id, r.coach_id]),
  );
  const person = (id: string) => people.get(id) ?? { id, name: 'Someone', email: '' };
  const seriesIds = [...new Set(rows.flatMap((r) => (r.series_id ? [r.series_id] : [])))];
  const series = new Map(
    seriesIds.length
      ? (
          await db.selectFrom('session_series').select(['id', 'rrule']).where('id', 'in', seriesIds).execute()
        ).map((s) => [s.id, { id: s.id, repeats: ruleInWords(s.rrule) }])
      : [],
  );
  return rows.map((r) => ({
    id: r.id,
    pm: person(r.pm_id),
    coach: person(r.coach_id),
    kind: r.kind,
    status: r.status,
    startsAt: r.starts_at,
    localStart: r.local_start,
    timeZone: r.time_zone,
    minutes: r.minutes,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    cancelledAt: r.cancelled_at,
    cancelReason: unseal(db, 'coaching_sessions.cancel_reason', r.cancel_reason) || null,
    sequence: r.sequence,
    series: (r.series_id && series.get(r.series_id)) || null,
    moved:
      r.status === 'held'
        ? { coloursSet: r.colours_set ?? 0, actionsMoved: r.actions_moved ?? 0, nextSteps: r.next_steps ?? 0 }
        : null,
  }));
}

/** Held coaching sessions, newest first. */
export const heldNewestFirst = (rows: CoachingSessionRow[]) =>
  rows
    .filter((r) => r.status === 'held' && r.ended_at !== null)
    .sort((a, b) => b.ended_at!.localeCompare(a.ended_at!));

/** When the viewer's pairing with the PM began (a PM: their earliest current pairing). */
async function pairSince(db: Db, viewer: Viewer): Promise<string | null> {
  if (viewer.side === 'coach') return viewer.coachSince;
  const first = await db
    .selectFrom('pairs')
    .select('accepted_at')
    .where('pm_id', '=', viewer.pmId)
    .where('status', '=', 'active')
    .orderBy('accepted_at')
    .executeTakeFirst();
  return first?.accepted_at ?? null;
}

/** The seed's pitfalls, from the coaching sessions the viewer takes part in (decision 030). */
export async function pitfallGuards(db: Db, viewer: Viewer, rows: CoachingSessionRow[], now: Date) {
  const held = heldNewestFirst(rows);
  const guards: PitfallGuard[] = [];
  const bigBang = bigBangReview({
    now,
    lastHeldAt: held[0]?.ended_at ?? null,
    pairSince: await pairSince(db, viewer),
  });
  if (bigBang) guards.push(bigBang);
  const tactical = tacticalTakeover(
    held.map((r) => ({
      coloursSet: r.colours_set ?? 0,
      actionsMoved: r.actions_moved ?? 0,
      nextSteps: r.next_steps ?? 0,
    })),
  );
  if (tactical) guards.push(tactical);
  return guards;
}

/** The current plan's themes in order (lineage and title), or none before a plan. */
export async function currentThemes(db: Db, pmId: string) {
  const plan = await findPlanRow(db, pmId);
  if (!plan) return [];
  return db
    .selectFrom('plan_themes')
    .select(['id', 'lineage_id', 'title'])
    .where('plan_id', '=', plan.id)
    .orderBy('position')
    .execute();
}

/**
 * The PM's colour history: their colour per theme per month, from coaching sessions opened or
 * held (with any coach: the colour is the PM's, read like the plan); for a new coach only the
 * colours set during their pairing unless the PM shared their sessions (decision 038). Logs nothing.
 */
export const colourHistoryFor = (db: Db, viewer: Viewer, lastMonths?: number) =>
  colourHistoryOf(db, viewer.pmId, lastMonths, visibleSince(viewer, 'sessions'));

/**
 * `colourHistoryFor` for several PMs in four queries whatever their number (the home digest): one
 * colour history per viewer, in their order, each from when that viewer may see it.
 */
export async function colourHistoriesFor(
  db: Db,
  viewers: readonly Viewer[],
  lastMonths?: number,
): Promise<ColourHistory[]> {
  if (!viewers.length) return [];
  const pmIds = viewers.map((v) => v.pmId);
  // Two indexed steps, not a join: with several PMs SQLite picked the status index and read every
  // held session of the installation (0.6 s at 10,000 PMs). The PMs' sessions by PM, then their
  // colours by session; the status is checked here.
  const sessions = new Map(
    (
      await db
        .selectFrom('coaching_sessions')
        .select(['id', 'pm_id', 'local_start', 'status'])
        .where('pm_id', 'in', pmIds)
        .execute()
    )
      .filter((s) => s.status === 'in_progress' || s.status === 'held')
      .map((s) => [s.id, s]),
  );
  // Without the why or the title, both sealed: the home shows only the last months' cells, so
  // only their reasons (and the titles of removed themes still shown) are read and opened below,
  // not every reason of years of sessions (issue 24).
  const colours = sessions.size
    ? await db
        .selectFrom('session_theme_colours')
        .select(['id', 'session_id', 'lineage_id', 'colour', 'set_at'])
        .where('session_id', 'in', [...sessions.keys()])
        .where('side', '=', 'pm')
        .orderBy('set_at')
        .execute()
    : [];
  const rows = colours.map((c) => ({
    ...c,
    pm_id: sessions.get(c.session_id)!.pm_id,
    local_start: sessions.get(c.session_id)!.local_start,
  }));
  const themes = await db
    .selectFrom('plan_themes as t')
    .innerJoin('plans as p', 'p.id', 't.plan_id')
    .select(['p.pm_id', 't.lineage_id', 't.title'])
    .where('p.pm_id', 'in', pmIds)
    .where('p.replaced_at', 'is', null)
    .orderBy('t.position')
    .execute();
  // Until they are read, a cell's why and a removed theme's title hold the id of the row they come from.
  const histories = viewers.map((viewer) => {
    const from = visibleSince(viewer, 'sessions');
    return colourHistory(
      rows
        .filter((r) => r.pm_id === viewer.pmId && (from === null || r.set_at >= from))
        .map((r) => ({
          lineageId: r.lineage_id,
          title: r.id,
          colour: r.colour,
          why: r.id,
          localStart: r.local_start,
        })),
      themes.filter((t) => t.pm_id === viewer.pmId).map((t) => ({ lineageId: t.lineage_id, title: t.title })),
      lastMonths,
    );
  });
  const cells = histories.flatMap((h) => h.themes.flatMap((t) => t.cells)).filter((c) => c.why !== null);
  const removed = histories.flatMap((h) => h.themes.filter((t) => !t.current));
  const whys = await sealedColourTexts(
    db,
    'why',
    cells.map((c) => c.why!),
  );
  for (const cell of cells) cell.why = whys.get(cell.why!) ?? '';
  const titles = await sealedColourTexts(
    db,
    'theme_title',
    removed.map((t) => t.title),
  );
  for (const theme of removed) theme.title = titles.get(theme.title) ?? '';
  return histories;
}

/** One sealed column of the given colour rows, by row id (one query; none for no rows). */
async function sealedColourTexts(db: Db, column: 'why' | 'theme_title', ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const found = await db
    .selectFrom('session_theme_colours')
    .select(['id', column])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(found.map((r) => [r.id, (r as Record<string, string>)[column]!]));
}

/** The PM's whole colour history (or from `from` on), for a caller that already chose what the viewer may see. */
export async function colourHistoryOf(
  db: Db,
  pmId: string,
  lastMonths?: number,
  from: string | null = null,
): Promise<ColourHistory> {
  let query = db
    .selectFrom('session_theme_colours as c')
    .innerJoin('coaching_sessions as s', 's.id', 'c.session_id')
    .select(['c.lineage_id', 'c.theme_title', 'c.colour', 'c.why', 's.local_start', 'c.set_at'])
    .where('s.pm_id', '=', pmId)
    .where('c.side', '=', 'pm')
    .where('s.status', 'in', ['in_progress', 'held']);
  if (from !== null) query = query.where('c.set_at', '>=', from);
  const rows = await query.orderBy('c.set_at').execute();
  const themes = await currentThemes(db, pmId);
  return colourHistory(
    rows.map((r) => ({
      lineageId: r.lineage_id,
      title: r.theme_title,
      colour: r.colour,
      why: r.why,
      localStart: r.local_start,
    })),
    themes.map((t) => ({ lineageId: t.lineage_id, title: t.title })),
    lastMonths,
  );
}

/** One coaching session as the viewer sees it: their own private note only. Logs nothing. */
export async function presentCoachingSession(
  db: Db,
  viewer: Viewer,
  row: CoachingSessionRow,
  now: Date,
): Promise<CoachingSession> {
  const [info] = await presentInfos(db, [row]);
  const items = await db
    .selectFrom('session_agenda_items as i')
    .leftJoin('users as u', 'u.id', 'i.added_by')
    .select(['i.id', 'i.kind', 'i.text', 'i.detail', 'i.added_side', 'i.done', 'i.carried_since', 'u.name'])
    .where('i.session_id', '=', row.id)
    .orderBy('i.position')
    .execute();
  const colours = await db
    .selectFrom('session_theme_colours')
    .select(['lineage_id', 'side', 'colour', 'why'])
    .where('session_id', '=', row.id)
    .execute();
  const themes = await currentThemes(db, row.pm_id);
  const colourOf = (lineageId: string, side: 'pm' | 'coach') => {
    const c = colours.find((x) => x.lineage_id === lineageId && x.side === side);
    return c ? { colour: c.colour, why: c.why } : null;
  };
  const notes = await db
    .selectFrom('session_private_notes')
    .select(['author_id', 'body'])
    .where('session_id', '=', row.id)
    .execute();
  const own = notes.find((privateNote) => may(viewer, 'coaching-session-private-note:see', { privateNote }));
  const steps = await db
    .selectFrom('session_next_steps')
    .selectAll()
    .where('session_id', '=', row.id)
    .orderBy('position')
    .execute();
  const all = await coachingSessionsOf(db, viewer);
  return {
    ...info!,
    viewerSide: viewer.side,
    agenda: items.map((i) => ({
      id: i.id,
      kind: i.kind as CoachingSession['agenda'][number]['kind'],
      text: unseal(db, 'session_agenda_items.text', i.text),
      detail: unseal(db, 'session_agenda_items.detail', i.detail),
      addedBy: i.added_side ? { side: i.added_side, name: i.name ?? 'Someone' } : null,
      done: i.done === 1,
      carriedFrom: i.carried_since ?? null,
    })),
    ownership: agendaOwnership(items.map((i) => i.added_side)),
    themes: themes.map((t) => ({
      themeId: t.id,
      lineageId: t.lineage_id,
      title: t.title,
      pm: colourOf(t.lineage_id, 'pm'),
      coach: colourOf(t.lineage_id, 'coach'),
    })),
    sharedNotes: unseal(db, 'coaching_sessions.shared_notes', row.shared_notes),
    privateNote: unseal(db, 'session_private_notes.body', own?.body ?? ''),
    nextSteps: steps.map((s) => ({
      id: s.id,
      text: s.text,
      themeTitle: s.theme_title,
      side: s.side,
      became: s.action_id ? ('action' as const) : ('suggestion' as const),
      createdAt: s.created_at,
    })),
    guards: await pitfallGuards(db, viewer, all, now),
    colourHistory: await colourHistoryFor(db, viewer),
    sinceLastTime: await sinceLastTime(db, viewer, row),
  };
}
