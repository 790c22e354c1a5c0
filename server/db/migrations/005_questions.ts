import type { Kysely } from 'kysely';

// The coaching question bank (issue 8). Built-in questions live in code
// (server/features/define-good/questions/question-content.ts); these tables hold only what people add and
// what was asked. Same conventions as 001/003: text ids, ISO text timestamps. A question's area
// keys and situations are small JSON arrays, read and written whole.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('areas', 'text', (c) => c.notNull())
    .addColumn('situations', 'text', (c) => c.notNull())
    // 'private': its author only; 'workspace': every member of the workspace.
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('questions_workspace').on('questions').columns(['workspace_id']).execute();

  // A question asked of a PM (built-in ids are stable text; added ones are uuids), so it is not
  // suggested again soon. session_id: the coaching session it was asked in, when there was one.
  await db.schema
    .createTable('question_asked')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pm_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text')
    .addColumn('asked_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('question_asked_pm')
    .on('question_asked')
    .columns(['pm_id', 'asked_at'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Wheelhouse migrations only go forward.');
}
