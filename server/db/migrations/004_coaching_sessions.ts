import type { Kysely } from 'kysely';

// Coaching sessions (issue 8). Same conventions as 001/003: text ids, ISO text timestamps,
// 0/1 integers. "Only one" is a unique index: one colour per coaching session × theme lineage ×
// side, one private note per coaching session × author.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('coaching_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pm_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('coach_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // The UTC instant, and the local date-time + IANA zone it was scheduled in.
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('local_start', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('agenda_prepared_at', 'text')
    // JSON {actionLineageId: status} when the agenda was prepared: "actions moved" compares to it.
    .addColumn('action_statuses', 'text')
    .addColumn('started_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('shared_notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('colours_set', 'integer')
    .addColumn('actions_moved', 'integer')
    .addColumn('next_steps', 'integer')
    .execute();
  await db.schema
    .createIndex('coaching_sessions_pm')
    .on('coaching_sessions')
    .columns(['pm_id', 'starts_at'])
    .execute();

  await db.schema
    .createTable('session_agenda_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) =>
      c.notNull().references('coaching_sessions.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    // What the item is about (a theme, an action, a suggestion, a question), when prepared.
    .addColumn('ref_id', 'text')
    .addColumn('added_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('added_side', 'text')
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('session_agenda_items_session')
    .on('session_agenda_items')
    .columns(['session_id', 'position'])
    .execute();

  await db.schema
    .createTable('session_theme_colours')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) =>
      c.notNull().references('coaching_sessions.id').onDelete('cascade'),
    )
    .addColumn('lineage_id', 'text', (c) => c.notNull())
    .addColumn('theme_id', 'text')
    // The theme's title when coloured, so the history reads the same after a rename or removal.
    .addColumn('theme_title', 'text', (c) => c.notNull())
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('colour', 'text', (c) => c.notNull())
    .addColumn('why', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('set_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('session_theme_colours_one')
    .on('session_theme_colours')
    .columns(['session_id', 'lineage_id', 'side'])
    .unique()
    .execute();

  await db.schema
    .createTable('session_private_notes')
    .addColumn('session_id', 'text', (c) =>
      c.notNull().references('coaching_sessions.id').onDelete('cascade'),
    )
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('session_private_notes_pk', ['session_id', 'author_id'])
    .execute();

  await db.schema
    .createTable('session_next_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) =>
      c.notNull().references('coaching_sessions.id').onDelete('cascade'),
    )
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('theme_title', 'text', (c) => c.notNull())
    .addColumn('action_id', 'text')
    .addColumn('suggestion_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('session_next_steps_session')
    .on('session_next_steps')
    .columns(['session_id', 'position'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Wheelhouse migrations only go forward.');
}
