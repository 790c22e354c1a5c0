import * as rruleNs from 'rrule';
import type { Db } from '../../../db/database.js';
import type { SessionSeriesTable } from '../../../db/schema.js';
import { newId } from '../../../util.js';
import { zonedToUtc } from './zoned-time.js';

// rrule ships CommonJS to Node and ESM to bundlers: take whichever shape arrived.
const { rrulestr } = (rruleNs as unknown as { default?: typeof rruleNs }).default ?? rruleNs;

/**
 * Recurring coaching sessions (decision 055): a series is an RRULE in local time and a time zone;
 * its occurrences are ordinary coaching-session rows, materialised HORIZON_DAYS ahead, so the
 * agenda, notes, reminders and the list work on them unchanged.
 */
export type Repeat = 'monthly' | 'weekly';
export type SeriesRow = SessionSeriesTable;

const DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const NTH = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', '-1': 'last' } as Record<string, string>;
/** How far ahead occurrences exist as rows: three monthly sessions, about fourteen weekly ones. */
export const HORIZON_DAYS = 100;

/** The rule of a series starting at `localStart`: "every month on the second Tuesday" or "every week on Tuesday". */
export function ruleFor(localStart: string, repeat: Repeat): string {
  const d = new Date(`${localStart}:00Z`);
  const day = DAYS[d.getUTCDay()]!;
  if (repeat === 'weekly') return `FREQ=WEEKLY;BYDAY=${day}`;
  // The fifth weekday of a month does not exist every month: a start in the last week is "the last".
  const inMonth = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  const nth = d.getUTCDate() + 7 > inMonth && d.getUTCDate() > 28 ? -1 : Math.ceil(d.getUTCDate() / 7);
  return `FREQ=MONTHLY;BYDAY=${nth}${day}`;
}

/** The rule in words, for the page and the mails. */
export function ruleInWords(rrule: string): string {
  const m = /FREQ=(MONTHLY|WEEKLY);BYDAY=(-?\d)?([A-Z]{2})/.exec(rrule);
  if (!m) return 'Repeats';
  const day = DAY_NAMES[DAYS.indexOf(m[3] as (typeof DAYS)[number])] ?? m[3];
  return m[1] === 'WEEKLY' ? `Every week on ${day}` : `Every month on the ${NTH[m[2] ?? '1']} ${day}`;
}

/** Local starts ("YYYY-MM-DDTHH:mm") the rule gives from the series' start up to `untilLocal` (inclusive). */
export function occurrenceStarts(
  series: Pick<SeriesRow, 'rrule' | 'local_start' | 'last_local_start'>,
  untilLocal: string,
) {
  const last =
    series.last_local_start && series.last_local_start < untilLocal ? series.last_local_start : untilLocal;
  // Computed on "floating" local times (written as UTC), so 10:00 stays 10:00 across a DST change.
  const rule = rrulestr(`DTSTART:${series.local_start.replace(/[-:]/g, '')}00Z\nRRULE:${series.rrule}`);
  return rule
    .between(new Date(`${series.local_start}:00Z`), new Date(`${last}:00Z`), true)
    .map((d) => d.toISOString().slice(0, 16));
}

const localNow = (now: Date, days: number) =>
  new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 16);

/**
 * Adds the rows of occurrences up to the horizon that do not exist yet. The unique index on
 * (series_id, occurrence_start) makes a second caller's insert a no-op; a cancelled or moved
 * occurrence keeps its row, so it never comes back.
 */
export async function materialiseSeries(db: Db, series: SeriesRow, now: Date): Promise<void> {
  if (series.status !== 'active') return;
  // Occurrences already past are not created late (a series nobody looked at for months).
  const since = new Date(now.getTime() - 86_400_000).toISOString();
  const starts = occurrenceStarts(series, localNow(now, HORIZON_DAYS)).filter(
    (local) => local === series.local_start || zonedToUtc(local, series.time_zone) >= since,
  );
  if (starts.length === 0) return;
  const at = now.toISOString();
  await db
    .insertInto('coaching_sessions')
    .values(
      starts.map((local) => ({
        id: newId(),
        pm_id: series.pm_id,
        coach_id: series.coach_id,
        kind: series.kind,
        status: 'scheduled' as const,
        starts_at: zonedToUtc(local, series.time_zone),
        local_start: local,
        time_zone: series.time_zone,
        minutes: series.minutes,
        created_by: series.created_by,
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
        series_id: series.id,
        occurrence_start: local,
        cancel_reason: null,
      })),
    )
    .onConflict((oc) => oc.columns(['series_id', 'occurrence_start']).doNothing())
    .execute();
}

/** Extends every live series of a PM (on reading their sessions; cheap when nothing is missing). */
export async function materialiseSeriesOf(db: Db, pmId: string, now: Date): Promise<void> {
  const series = await db
    .selectFrom('session_series')
    .selectAll()
    .where('pm_id', '=', pmId)
    .where('status', '=', 'active')
    .execute();
  for (const s of series) await materialiseSeries(db, s, now);
}

/**
 * A sweep producer that delivers nothing: it keeps every live series materialised up to the
 * horizon, so reminders (which read rows) reach occurrences nobody has opened the list for.
 */
export async function extendSeries(args: { db: Db; now: Date }): Promise<[]> {
  const series = await args.db
    .selectFrom('session_series')
    .selectAll()
    .where('status', '=', 'active')
    .execute();
  for (const s of series) await materialiseSeries(args.db, s, args.now);
  return [];
}
