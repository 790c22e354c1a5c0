import { sql, type Kysely } from 'kysely';

// Self-checks (issue 10): a PM scores themselves alone, any time, on the whole wheel or chosen
// areas. Same conventions as 001: text ids, ISO text timestamps; `areas` is the JSON list of
// chosen area keys (read whole), `area_scores` the JSON area means stamped at submit (like assessments).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('self_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pm_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('framework_version_id', 'text', (c) => c.notNull().references('framework_versions.id'))
    .addColumn('areas', 'text', (c) => c.notNull())
    .addColumn('area_scores', 'text')
    // The PM's private note about what is behind a dip: never shown to anyone else.
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    // Set while the PM shares it with their coach; null again when they unshare.
    .addColumn('shared_at', 'text')
    .execute();
  await db.schema
    .createIndex('self_checks_pm')
    .on('self_checks')
    .columns(['pm_id', 'submitted_at'])
    .execute();
  // One draft at a time per PM: the page resumes it instead of starting another.
  await db.schema
    .createIndex('self_checks_one_draft_per_pm')
    .unique()
    .on('self_checks')
    .column('pm_id')
    .where(sql.ref('submitted_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('self_check_scores')
    .addColumn('self_check_id', 'text', (c) => c.notNull().references('self_checks.id').onDelete('cascade'))
    .addColumn('statement_key', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('self_check_scores_pk', ['self_check_id', 'statement_key'])
    .execute();

  // Traits in words: a line per trait, never a score.
  await db.schema
    .createTable('self_check_traits')
    .addColumn('self_check_id', 'text', (c) => c.notNull().references('self_checks.id').onDelete('cascade'))
    .addColumn('trait_key', 'text', (c) => c.notNull())
    .addColumn('words', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('self_check_traits_pk', ['self_check_id', 'trait_key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('self_check_traits').execute();
  await db.schema.dropTable('self_check_scores').execute();
  await db.schema.dropTable('self_checks').execute();
}
