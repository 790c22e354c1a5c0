import type { Kysely } from 'kysely';

// Erasure and member removal (issue 11, decision 043). An erased person's row stays as a
// tombstone with no name, address or password (erased_at set), so what a coach wrote into a
// PM's record keeps a valid author ("a former coach") and the PM's access log keeps its actor
// ids untouched. A member an admin removed (removed_at set) keeps their account and their own
// data, to export or erase, but is out of the workspace: no pairs, not in the member lists.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('erased_at', 'text').execute();
  await db.schema.alterTable('users').addColumn('removed_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('removed_at').execute();
  await db.schema.alterTable('users').dropColumn('erased_at').execute();
}
