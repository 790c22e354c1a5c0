import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

// Issue 23 (decision 052). Password reset links and SCIM tokens are stored as hashes only (like
// sessions, invitations and calendar feeds): a database leak hands out no live link or token.
// Two account facts for SCIM: the identity provider's id for the person (unique per workspace),
// and whether the provider turned the account off (no sign-in while set).
const ERASED = 'wheelhouse: a person in this row was erased';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('password_resets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    // Who asked: null for the person themself (by mail), else the admin who issued a link to copy.
    .addColumn('issued_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('password_resets_user').on('password_resets').column('user_id').execute();

  await db.schema
    .createTable('scim_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema.alterTable('users').addColumn('external_id', 'text').execute();
  await db.schema.alterTable('users').addColumn('deactivated_at', 'text').execute();
  await db.schema
    .createIndex('users_external_id')
    .on('users')
    .columns(['workspace_id', 'external_id'])
    .unique()
    .execute();

  // No new reset link for an erased person (decision 048, as migration 019 does for every table).
  if (isPostgres(db)) {
    await sql`create trigger password_resets_no_erased_person before insert on password_resets
      for each row execute function refuse_erased_person('user_id')`.execute(db);
  } else {
    await sql`create trigger password_resets_no_erased_person before insert on password_resets
      when exists (select 1 from users where id = new.user_id and erased_at is not null)
      begin select raise(abort, ${sql.lit(ERASED)}); end`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Wheelhouse migrations only go forward.');
}
