import type { Kysely } from 'kysely';

// Issue 20. The coaching session's shared notes become a Yjs document (decision 056): every
// change anyone makes is appended here as one update (sealed), and compaction merges a
// session's updates into one snapshot row. coaching_sessions.shared_notes keeps the plain text
// (export, history, the agenda read it as before). Updates commute, so no order is kept.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('session_notes_updates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) =>
      c.notNull().references('coaching_sessions.id').onDelete('cascade'),
    )
    .addColumn('update_data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('session_notes_updates_session')
    .on('session_notes_updates')
    .column('session_id')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Wheelhouse migrations only go forward.');
}
