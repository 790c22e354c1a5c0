import type { Kysely } from 'kysely';

// Deliveries between sessions (issue 9, decision 033): each person's notification settings, and
// the outbox. Same conventions as 001: text ids, ISO text timestamps, 0/1 integers.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notification_settings')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('email_on', 'integer', (c) => c.notNull().defaultTo(0))
    // Secrets: never sent back in full, never logged.
    .addColumn('slack_url', 'text')
    .addColumn('teams_url', 'text')
    .addColumn('include_text', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('nudge_frequency', 'text', (c) => c.notNull().defaultTo('weekly'))
    .addColumn('quiet_from', 'text')
    .addColumn('quiet_to', 'text')
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('UTC'))
    // The kinds turned off, comma-separated (read whole, written whole).
    .addColumn('kinds_off', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('coach_prompt_day', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'text')
    .addColumn('claimed_by', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('read_at', 'text')
    .execute();
  // Exactly once: the same key on the same channel is stored once, whoever produces it.
  await db.schema
    .createIndex('deliveries_key_channel')
    .on('deliveries')
    .columns(['key', 'channel'])
    .unique()
    .execute();
  await db.schema
    .createIndex('deliveries_due')
    .on('deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('deliveries_inbox')
    .on('deliveries')
    .columns(['recipient_id', 'channel', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('deliveries').execute();
  await db.schema.dropTable('notification_settings').execute();
}
