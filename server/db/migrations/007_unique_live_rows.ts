import { sql, type Kysely } from 'kysely';

// "Only one" held in the database, not by a check before an insert (two parallel requests on
// PostgreSQL both pass such a check): one live pair per coach and PM, one open round per PM.
// Partial unique indexes read the same on SQLite and PostgreSQL.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('pairs_one_live_per_coach_and_pm')
    .unique()
    .on('pairs')
    .columns(['coach_id', 'pm_id'])
    .where(sql.ref('status'), 'in', [sql.lit('pending'), sql.lit('active')])
    .execute();
  await db.schema
    .createIndex('rounds_one_open_per_pm')
    .unique()
    .on('assessment_rounds')
    .column('pm_id')
    .where(sql.ref('revealed_at'), 'is', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('rounds_one_open_per_pm').execute();
  await db.schema.dropIndex('pairs_one_live_per_coach_and_pm').execute();
}
