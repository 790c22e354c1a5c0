import type { Kysely } from 'kysely';

// Issue 9: one secret calendar feed per person. Only the token's hash is stored (like sign-in
// sessions), so a database leak hands out no feed; revoking or replacing deletes the row.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // The reminder sweep (issue 9) asks "which scheduled sessions start in the next 24 hours" and
  // "which actions are due today or tomorrow" across every PM on every sweep.
  await db.schema
    .createIndex('coaching_sessions_status_start')
    .on('coaching_sessions')
    .columns(['status', 'starts_at'])
    .execute();
  await db.schema.createIndex('plan_actions_due').on('plan_actions').columns(['due_on']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('plan_actions_due').execute();
  await db.schema.dropIndex('coaching_sessions_status_start').execute();
  await db.schema.dropTable('calendar_feeds').execute();
}
