import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

// Issue 22, push (decision 061). Web Push beside in-app, email, Slack and Teams: one row per
// browser a person turned push on in (the push service's endpoint is unique: a browser that
// another person signs in to and turns on moves to them), and the installation's VAPID key pair
// (one row; its private key sealed by the manifest) when none is given in the environment.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('push_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('endpoint', 'text', (c) => c.notNull())
    .addColumn('p256dh', 'text', (c) => c.notNull())
    .addColumn('auth', 'text', (c) => c.notNull())
    .addColumn('show_text', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('push_subscriptions_endpoint')
    .on('push_subscriptions')
    .column('endpoint')
    .unique()
    .execute();
  await db.schema.createIndex('push_subscriptions_user').on('push_subscriptions').column('user_id').execute();
  await db.schema
    .createTable('push_vapid_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('private_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // Migration 019's guard: no new subscription for a person an erasure took (or is taking).
  if (isPostgres(db))
    await sql`create trigger push_subscriptions_no_erased_person before insert on push_subscriptions
      for each row execute function refuse_erased_person('user_id')`.execute(db);
  else
    await sql`create trigger push_subscriptions_no_erased_person before insert on push_subscriptions
      when exists (select 1 from users where id in (new.user_id) and erased_at is not null)
      begin select raise(abort, 'wheelhouse: a person in this row was erased'); end`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Wheelhouse migrations only go forward.');
}
