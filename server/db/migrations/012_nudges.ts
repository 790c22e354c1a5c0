import type { Kysely } from 'kysely';

// Nudges (issue 9). Same conventions as 003/006: text ids, ISO text timestamps. `period` is the
// PM's local day ('d:2026-11-26') or ISO week ('w:2026-W48') under the frequency they welcomed
// when it was sent: the unique index on (pm_id, coach_id, period) is what keeps a weekly PM at one
// nudge a week per coach, however many sends race.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('nudges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pm_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('coach_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    // 'free', 'theme' or 'action' (about_lineage_id: the theme's or action's lineage).
    .addColumn('about_kind', 'text', (c) => c.notNull())
    .addColumn('about_lineage_id', 'text')
    .addColumn('about_title', 'text')
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('nudges_one_per_period')
    .on('nudges')
    .columns(['pm_id', 'coach_id', 'period'])
    .unique()
    .execute();
  await db.schema.createIndex('nudges_pm').on('nudges').columns(['pm_id', 'created_at']).execute();

  // The PM's reactions (done, thanks, not now) and one-line answers, numbered per nudge.
  await db.schema
    .createTable('nudge_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('nudge_id', 'text', (c) => c.notNull().references('nudges.id').onDelete('cascade'))
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('reaction', 'text')
    .addColumn('text', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('nudge_responses_n')
    .on('nudge_responses')
    .columns(['nudge_id', 'n'])
    .unique()
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Wheelhouse migrations only go forward.');
}
