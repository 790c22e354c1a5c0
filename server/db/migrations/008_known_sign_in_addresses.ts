import type { Kysely } from 'kysely';

// Addresses a person has signed in from before: from those, the account-wide sign-in limit does
// not apply, so strangers failing from elsewhere cannot lock the owner out (decision 007).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sign_in_known_addresses')
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sign_in_known_addresses_pk', ['email', 'address'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sign_in_known_addresses').execute();
}
