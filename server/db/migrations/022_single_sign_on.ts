import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

// Issue 23 (decision 053): single sign-on through OpenID Connect.
// - sso_links: who a provider's account is here. A returning person is found by (issuer,
//   subject), never by e-mail; one account per provider per person.
// - sso_attempts: a sign-in in progress, kept server-side and used once: waiting for the
//   provider (the PKCE verifier and nonce, keyed by the state's hash), or waiting for the person
//   to prove an existing password account (user_id, issuer and subject of the link to make).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sso_links')
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sso_links_pk', ['issuer', 'subject'])
    .execute();
  await db.schema
    .createIndex('sso_links_one_per_issuer')
    .on('sso_links')
    .columns(['user_id', 'issuer'])
    .unique()
    .execute();
  await db.schema
    .createTable('sso_attempts')
    .addColumn('state_hash', 'text', (c) => c.primaryKey())
    .addColumn('code_verifier', 'text')
    .addColumn('nonce', 'text')
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('issuer', 'text')
    .addColumn('subject', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sso_attempts_expires').on('sso_attempts').columns(['expires_at']).execute();
  // The same guard as migration 019: no new row about an erased person.
  for (const table of ['sso_links', 'sso_attempts']) {
    if (isPostgres(db)) {
      await sql`create trigger ${sql.id(`${table}_no_erased_person`)} before insert on ${sql.table(table)}
        for each row execute function refuse_erased_person('user_id')`.execute(db);
    } else {
      await sql`create trigger ${sql.id(`${table}_no_erased_person`)} before insert on ${sql.table(table)}
        when exists (select 1 from users where id = new.user_id and erased_at is not null)
        begin select raise(abort, 'wheelhouse: a person in this row was erased'); end`.execute(db);
    }
  }
}

export async function down(): Promise<void> {
  throw new Error('Wheelhouse migrations only go forward.');
}
