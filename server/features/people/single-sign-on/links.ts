import type { Db } from '../../../db/database.js';
import { nowIso } from '../../../util.js';

/** The person a provider's account is linked to (by issuer and subject, never by e-mail). */
export async function linkedPerson(db: Db, issuer: string, subject: string) {
  return db
    .selectFrom('sso_links')
    .innerJoin('users', 'users.id', 'sso_links.user_id')
    .select(['users.id', 'users.erased_at', 'users.deactivated_at'])
    .where('sso_links.issuer', '=', issuer)
    .where('sso_links.subject', '=', subject)
    .executeTakeFirst();
}

/**
 * Links a provider's account to a person. A link already there (a second tab finishing the same
 * proof) is kept; the unique indexes decide between parallel requests.
 */
export async function linkPerson(db: Db, link: { issuer: string; subject: string; userId: string }) {
  await db
    .insertInto('sso_links')
    .values({ issuer: link.issuer, subject: link.subject, user_id: link.userId, created_at: nowIso() })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** What the person's own export says about their links: which providers, since when. */
export async function linksOf(db: Db, userId: string) {
  const rows = await db
    .selectFrom('sso_links')
    .select(['issuer', 'subject', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ issuer: r.issuer, subject: r.subject, linkedAt: r.created_at }));
}
