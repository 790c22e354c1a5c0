import { sql, type Kysely } from 'kysely';

// Issue 19. One open vision proposal per PM, held by the database (a new proposal replaces the
// open one; two made at the same moment on PostgreSQL both stayed open). Proposals that parallel
// requests left open before this index are settled first: the newest stays open, the others are
// marked replaced, as a proposal made after them would have done.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`update vision_proposals set status = 'replaced', decided_at = proposed_at
    where status = 'open' and exists (
      select 1 from vision_proposals newer
      where newer.pm_id = vision_proposals.pm_id and newer.status = 'open'
        and (newer.proposed_at > vision_proposals.proposed_at
          or (newer.proposed_at = vision_proposals.proposed_at and newer.id > vision_proposals.id)))`.execute(
    db,
  );
  await db.schema
    .createIndex('vision_proposals_one_open_per_pm')
    .unique()
    .on('vision_proposals')
    .column('pm_id')
    .where(sql.ref('status'), '=', sql.lit('open'))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Wheelhouse migrations only go forward.');
}
