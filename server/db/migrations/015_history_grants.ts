import { sql, type Kysely } from 'kysely';

// History grants and stuck rounds (issue 10, decision 038). A grant is one row per part of the
// PM's history a coach may see from before their pairing; it belongs to that pairing (pair_id),
// so it ends with the pair. A round whose coach left can be closed unrevealed (closed_at): a
// closed round no longer counts as the PM's one open round.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('history_grants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pm_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('coach_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('pair_id', 'text', (c) => c.notNull().references('pairs.id').onDelete('cascade'))
    .addColumn('part', 'text', (c) => c.notNull())
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('history_grants_pair_part', ['pair_id', 'part'])
    .execute();
  await db.schema.createIndex('history_grants_pm').on('history_grants').columns(['pm_id']).execute();

  await db.schema.alterTable('assessment_rounds').addColumn('closed_at', 'text').execute();
  await db.schema.dropIndex('rounds_one_open_per_pm').execute();
  await db.schema
    .createIndex('rounds_one_open_per_pm')
    .unique()
    .on('assessment_rounds')
    .column('pm_id')
    .where(sql<boolean>`revealed_at is null and closed_at is null`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('rounds_one_open_per_pm').execute();
  await db.schema
    .createIndex('rounds_one_open_per_pm')
    .unique()
    .on('assessment_rounds')
    .column('pm_id')
    .where(sql.ref('revealed_at'), 'is', null)
    .execute();
  await db.schema.alterTable('assessment_rounds').dropColumn('closed_at').execute();
  await db.schema.dropTable('history_grants').execute();
}
