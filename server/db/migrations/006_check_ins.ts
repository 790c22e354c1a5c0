import type { Kysely } from 'kysely';

// Emotion check-ins and pulses (issue 8). Same conventions as 001/003: text ids, ISO text
// timestamps, 0/1 integers. A check-in's emotions are a short comma-separated list of keys from
// the fixed list in common/check-ins.ts; what it is about keeps the title as said at the time.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('check_ins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pm_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('emotions', 'text', (c) => c.notNull())
    // 'general', 'theme' (about_lineage_id: the plan theme's lineage) or 'project'.
    .addColumn('about_kind', 'text', (c) => c.notNull())
    .addColumn('about_lineage_id', 'text')
    .addColumn('about_title', 'text', (c) => c.notNull())
    .addColumn('why', 'text', (c) => c.notNull())
    .addColumn('is_private', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('check_ins_pm').on('check_ins').columns(['pm_id', 'created_at']).execute();

  // A one-tap 1–10 on an area or statement of the PM's framework version at the time.
  await db.schema
    .createTable('pulses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pm_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('framework_version_id', 'text', (c) => c.notNull())
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_key', 'text', (c) => c.notNull())
    // The area key the target belongs to (the key itself for an area), for a series per area.
    .addColumn('area_key', 'text', (c) => c.notNull())
    .addColumn('target_name', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('higher', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pulses_pm').on('pulses').columns(['pm_id', 'created_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Wheelhouse migrations only go forward.');
}
