import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

// Issue 19 row 5, decision 049: an access-log line names what was read ("round “…”", "peers of
// “…”"), so its resource is sealed like the text it quotes. The key sweeps (start-up, rotation)
// must then be able to re-seal it: the log stays append-only except for one update, the resource
// of a line rewritten to a sealed value with every other column unchanged.
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`create or replace function access_log_append_only() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' and current_setting('wheelhouse.erasing', true) = 'on' then
          return old;
        end if;
        if tg_op = 'UPDATE' then
          if new.id = old.id and new.pm_id = old.pm_id and new.actor_id = old.actor_id
            and new.action = old.action and new.at = old.at and left(new.resource, 4) = 'wh1:' then
            return new;
          end if;
        end if;
        raise exception 'access_log is append-only';
      end $$`.execute(db);
    return;
  }
  await db.transaction().execute(async (tx) => {
    await sql`drop trigger access_log_no_update`.execute(tx);
    await sql`create trigger access_log_no_update before update on access_log
      when not (new.id = old.id and new.pm_id = old.pm_id and new.actor_id = old.actor_id
        and new.action = old.action and new.at = old.at and substr(new.resource, 1, 4) = 'wh1:')
      begin select raise(abort, 'access_log is append-only'); end`.execute(tx);
  });
}

export async function down(): Promise<void> {
  throw new Error('Wheelhouse migrations only go forward.');
}
