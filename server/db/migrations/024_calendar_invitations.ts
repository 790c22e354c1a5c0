import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

// Issue 21 (decision 055). SEQUENCE is a stored counter, bumped only when the time, length or
// status changes; recurring sessions are a series (an RRULE in a time zone) whose occurrences are
// materialised as ordinary coaching-session rows a few months ahead, one row per occurrence (a
// unique index: two instances extending the same series add each occurrence once).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('session_series')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pm_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('coach_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    // 'FREQ=MONTHLY;BYDAY=2TU' or 'FREQ=WEEKLY;BYDAY=TU', in the series' local time.
    .addColumn('rrule', 'text', (c) => c.notNull())
    .addColumn('local_start', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // The last local start the series still has (inclusive), after "cancel or move the rest".
    .addColumn('last_local_start', 'text')
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('session_series_pm').on('session_series').columns(['pm_id']).execute();
  await db.schema
    .alterTable('coaching_sessions')
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('coaching_sessions')
    .addColumn('series_id', 'text', (c) => c.references('session_series.id').onDelete('cascade'))
    .execute();
  // The local start the rule gave this occurrence (its RECURRENCE-ID), whatever it was moved to.
  await db.schema.alterTable('coaching_sessions').addColumn('occurrence_start', 'text').execute();
  await db.schema.alterTable('coaching_sessions').addColumn('cancel_reason', 'text').execute();
  await db.schema
    .createIndex('coaching_sessions_one_occurrence')
    .on('coaching_sessions')
    .columns(['series_id', 'occurrence_start'])
    .unique()
    .execute();
  // The iTIP text of an email delivery, written when the change happened (decision 055).
  await db.schema.alterTable('deliveries').addColumn('calendar', 'text').execute();
  if (isPostgres(db))
    await sql`create trigger session_series_no_erased_person before insert on session_series
      for each row execute function refuse_erased_person('pm_id')`.execute(db);
  else
    await sql`create trigger session_series_no_erased_person before insert on session_series
      when exists (select 1 from users where id in (new.pm_id) and erased_at is not null)
      begin select raise(abort, 'wheelhouse: a person in this row was erased'); end`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Wheelhouse migrations only go forward.');
}
