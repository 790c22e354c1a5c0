import type { Kysely } from 'kysely';

// The address people reach the workspace at (e.g. https://wheelhouse.acme.internal), as the
// admin's browser saw it on the first-run page and the admin confirmed it. Invitation links use it
// unless PUBLIC_URL is set. Never taken from a request's Host header (anyone can write that).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('workspaces').addColumn('public_address', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('workspaces').dropColumn('public_address').execute();
}
