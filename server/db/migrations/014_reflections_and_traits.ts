import type { Kysely } from 'kysely';

// Reflections, traits in words and the plan's purpose (issue 10). Same conventions as 001/003:
// text ids, ISO text timestamps, 0/1 integers.
export async function up(db: Kysely<any>): Promise<void> {
  // A PM's private journal entry ('reflection') or a coach's private note about their coaching of
  // the PM ('coach-note'), both author-only; a PM's reflection can be shared with their coach
  // (shared_at: since when; a coach paired later does not see earlier shares).
  await db.schema
    .createTable('reflections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pm_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // What it is about: 'area' (a framework area key), 'theme' (a plan theme's lineage),
    // 'round' or 'coaching-session' (their ids); null: nothing in particular.
    .addColumn('attached_kind', 'text')
    .addColumn('attached_id', 'text')
    .addColumn('attached_label', 'text')
    .addColumn('shared_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reflections_pm').on('reflections').columns(['pm_id', 'created_at']).execute();

  // A line of words per trait of the round's framework, from one side of a round; never a score.
  await db.schema
    .createTable('round_traits')
    .addColumn('round_id', 'text', (c) => c.notNull().references('assessment_rounds.id').onDelete('cascade'))
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('trait_key', 'text', (c) => c.notNull())
    .addColumn('words', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('round_traits_pk', ['round_id', 'side', 'trait_key'])
    .execute();

  // How a plan theme serves the agreed next bigger challenge and career direction, in a line.
  await db.schema.alterTable('plan_themes').addColumn('serves', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('Wheelhouse migrations only go forward.');
}
