import type { Kysely } from 'kysely';

// The shared vision and the development plan (issue 4). Same conventions as 001: text ids,
// ISO text timestamps, calendar dates as YYYY-MM-DD text, 0/1 integers, no JSON blobs except a
// suggestion's proposed areas/traits (read whole, applied whole).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('vision_proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pm_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('next_bigger_challenge', 'text', (c) => c.notNull())
    .addColumn('career_direction', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('proposed_side', 'text', (c) => c.notNull())
    .addColumn('proposed_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema
    .createIndex('vision_proposals_pm')
    .on('vision_proposals')
    .columns(['pm_id', 'proposed_at'])
    .execute();

  // One row per plan version; a quarterly refresh adds the next number and stamps replaced_at.
  await db.schema
    .createTable('plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pm_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('focus', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('replaced_at', 'text')
    .addUniqueConstraint('plans_pm_number', ['pm_id', 'number'])
    .execute();

  await db.schema
    .createTable('plan_themes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    // The same across versions: a refresh copies a theme with a new id and the same lineage.
    .addColumn('lineage_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('why', 'text', (c) => c.notNull())
    // 'pm' wrote it, or 'coach' suggested it and the PM adopted it (suggested_by, adopted_at).
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('suggested_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('suggestion_id', 'text')
    .addColumn('adopted_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('plan_themes_plan')
    .on('plan_themes')
    .columns(['plan_id', 'position'])
    .execute();

  await db.schema
    .createTable('plan_theme_targets')
    .addColumn('theme_id', 'text', (c) => c.notNull().references('plan_themes.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    // The name as the framework said it when chosen, so the plan reads the same later.
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_theme_targets_pk', ['theme_id', 'kind', 'key'])
    .execute();

  await db.schema
    .createTable('plan_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('theme_id', 'text', (c) => c.notNull().references('plan_themes.id').onDelete('cascade'))
    .addColumn('lineage_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('suggested_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('suggestion_id', 'text')
    .addColumn('adopted_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('plan_actions_plan')
    .on('plan_actions')
    .columns(['plan_id', 'theme_id', 'position'])
    .execute();

  await db.schema
    .createTable('plan_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('theme_id', 'text', (c) => c.references('plan_themes.id').onDelete('cascade'))
    .addColumn('action_id', 'text', (c) => c.references('plan_actions.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('is_private', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('plan_comments_plan')
    .on('plan_comments')
    .columns(['plan_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('plan_suggestions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('theme_id', 'text', (c) => c.references('plan_themes.id').onDelete('set null'))
    .addColumn('action_id', 'text', (c) => c.references('plan_actions.id').onDelete('set null'))
    .addColumn('title', 'text')
    .addColumn('why', 'text')
    .addColumn('text', 'text')
    .addColumn('due_on', 'text')
    .addColumn('targets', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decline_reason', 'text')
    .addColumn('result_theme_id', 'text')
    .addColumn('result_action_id', 'text')
    .execute();
  await db.schema
    .createIndex('plan_suggestions_plan')
    .on('plan_suggestions')
    .columns(['plan_id', 'status'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Wheelhouse migrations only go forward.');
}
