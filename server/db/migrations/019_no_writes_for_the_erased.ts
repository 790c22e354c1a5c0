import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

// Issue 19 row 3 (decision 048). A write whose session was checked just before an erasure
// committed must not land after it: a new row that names an erased person (as the PM, or as the
// author of what the erasure takes) is refused by the database, whichever feature writes it. On
// PostgreSQL the check locks the person's row (FOR KEY SHARE), the row the erasure holds FOR
// UPDATE from its first statement: a write either commits first (and the erasure, waiting,
// then deletes it) or waits for the erasure and sees erased_at. SQLite runs one write at a time.
// An access-log line about an erased PM is dropped instead (a read answered just before the
// erasure; the group commit shares one INSERT with other PMs' lines).
const ERASED = 'wheelhouse: a person in this row was erased';

/** Each table, and its columns that name the person whose erasure takes the row. */
const guarded: Record<string, string[]> = {
  sessions: ['user_id'],
  notification_settings: ['user_id'],
  calendar_feeds: ['user_id'],
  insights_opt_outs: ['user_id'],
  pairs: ['pm_id', 'coach_id'],
  history_grants: ['pm_id', 'coach_id'],
  assessment_rounds: ['pm_id'],
  assessments: ['author_id'],
  self_checks: ['pm_id'],
  plans: ['pm_id'],
  plan_comments: ['author_id'],
  plan_suggestions: ['author_id'],
  vision_proposals: ['pm_id', 'proposed_by'],
  coaching_sessions: ['pm_id'],
  session_private_notes: ['author_id'],
  reflections: ['pm_id', 'author_id'],
  questions: ['author_id'],
  question_asked: ['pm_id'],
  check_ins: ['pm_id'],
  pulses: ['pm_id'],
  nudges: ['pm_id'],
  access_log: ['pm_id'],
};

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`create or replace function refuse_erased_person() returns trigger language plpgsql as $$
      declare
        col text;
        person text;
        erased text;
      begin
        foreach col in array tg_argv loop
          person := to_jsonb(new) ->> col;
          continue when person is null;
          -- Waits while an erasure of this person is in flight, then reads its outcome.
          select erased_at into erased from users where id = person for key share;
          if erased is not null then
            if tg_table_name = 'access_log' then
              return null;
            end if;
            raise exception using errcode = 'WH001', message = ${sql.lit(ERASED)};
          end if;
        end loop;
        return new;
      end $$`.execute(db);
    for (const [table, columns] of Object.entries(guarded))
      await sql`create trigger ${sql.id(`${table}_no_erased_person`)} before insert on ${sql.table(table)}
        for each row execute function refuse_erased_person(${sql.raw(columns.map((c) => `'${c}'`).join(', '))})`.execute(
        db,
      );
    return;
  }
  for (const [table, columns] of Object.entries(guarded)) {
    const named = sql.join(columns.map((c) => sql.ref(`new.${c}`)));
    const action = table === 'access_log' ? sql`raise(ignore)` : sql`raise(abort, ${sql.lit(ERASED)})`;
    await sql`create trigger ${sql.id(`${table}_no_erased_person`)} before insert on ${sql.table(table)}
      when exists (select 1 from users where id in (${named}) and erased_at is not null)
      begin select ${action}; end`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Wheelhouse migrations only go forward.');
}
