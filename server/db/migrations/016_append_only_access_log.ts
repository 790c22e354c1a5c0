import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

// Issue 11. The access log becomes append-only for good (decision 040): the database refuses an
// UPDATE, a DELETE and (PostgreSQL) a TRUNCATE of it, and no cascade from a user wipes it any more:
// deleting a person who has log entries is refused until the one deliberate path, the erasure
// lift (server/privacy/access-log-erasure.ts), has removed their entries in the same transaction.
// Also: the PMs who keep their scores out of the workspace insights (decision 041).
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await appendOnlyOnPostgres(db);
  else await db.transaction().execute(appendOnlyOnSqlite);

  // A row per PM who opted out of the workspace insights; no row: counted (default in).
  await db.schema
    .createTable('insights_opt_outs')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

async function appendOnlyOnPostgres(db: Kysely<any>) {
  // The same foreign key, without the cascade: a user with entries cannot be deleted by accident.
  await sql`alter table access_log drop constraint access_log_pm_id_fkey`.execute(db);
  await sql`alter table access_log add constraint access_log_pm_id_fkey
    foreign key (pm_id) references users(id) on delete restrict`.execute(db);
  // One function for every refusal; only a DELETE inside a transaction that ran
  // `set local wheelhouse.erasing = 'on'` (the erasure lift) passes.
  await sql`create or replace function access_log_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and current_setting('wheelhouse.erasing', true) = 'on' then
        return old;
      end if;
      raise exception 'access_log is append-only';
    end $$`.execute(db);
  await sql`create trigger access_log_no_delete before delete on access_log
    for each row execute function access_log_append_only()`.execute(db);
  await sql`create trigger access_log_no_truncate before truncate on access_log
    for each statement execute function access_log_append_only()`.execute(db);
}

/**
 * SQLite cannot change a foreign key in place: the table is rebuilt the standard way (new table,
 * copy, drop, rename, indexes and triggers again), in one transaction. Nothing references
 * access_log, so foreign keys can stay on.
 */
async function appendOnlyOnSqlite(tx: Kysely<any>) {
  // The erasure lift's guard: holds a row only inside an erasure transaction.
  await sql`create table access_log_erasure (only_row integer primary key check (only_row = 1))`.execute(tx);
  await sql`create table access_log_new (
    id text primary key,
    pm_id text not null references users(id) on delete restrict,
    actor_id text not null,
    action text not null,
    resource text not null,
    at text not null
  )`.execute(tx);
  await sql`insert into access_log_new (id, pm_id, actor_id, action, resource, at)
    select id, pm_id, actor_id, action, resource, at from access_log`.execute(tx);
  await sql`drop trigger access_log_no_update`.execute(tx);
  await sql`drop table access_log`.execute(tx);
  await sql`alter table access_log_new rename to access_log`.execute(tx);
  await sql`create index access_log_pm_at on access_log (pm_id, at)`.execute(tx);
  await sql`create trigger access_log_no_update before update on access_log
    begin select raise(abort, 'access_log is append-only'); end`.execute(tx);
  await sql`create trigger access_log_no_delete before delete on access_log
    when not exists (select 1 from access_log_erasure)
    begin select raise(abort, 'access_log is append-only'); end`.execute(tx);
  const broken = await sql`pragma foreign_key_check(access_log)`.execute(tx);
  if (broken.rows.length) throw new Error('access_log has entries of people who no longer exist.');
}

export async function down(): Promise<void> {
  throw new Error('Wheelhouse migrations only go forward.');
}
