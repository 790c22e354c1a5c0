import type { Kysely } from 'kysely';

// Issue 21. An agenda item not covered carries to the pair's next coaching session: the copy
// names the item it came from (carried_from) and the day it was first on an agenda
// (carried_since, a local date). The unique index makes carrying happen once per item and
// session, however many requests carry at the same time (decision 060).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('session_agenda_items').addColumn('carried_from', 'text').execute();
  await db.schema.alterTable('session_agenda_items').addColumn('carried_since', 'text').execute();
  await db.schema
    .createIndex('session_agenda_items_carried_once')
    .on('session_agenda_items')
    .columns(['session_id', 'carried_from'])
    .unique()
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Wheelhouse migrations only go forward.');
}
