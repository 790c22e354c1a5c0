import type { Db } from '../../../db/database.js';
import { lockRow } from '../../../db/lock.js';
import { AppError, notFound } from '../../../http/errors.js';
import type { Mailer } from '../../../mail/mailer.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorizeWorkspace } from '../../../privacy/workspace-rules.js';
import { addMs, hashToken, newId, newToken, nowIso } from '../../../util.js';
import { hashPassword, type PasswordHashing } from '../auth/passwords.js';
import { endAllSessions } from '../auth/sessions.js';
import { reserveAttempt } from '../auth/throttle.js';
import { resetMail } from './reset-mail.js';

export const RESET_TTL_MS = 60 * 60 * 1000;

/**
 * "Forgot password?" (issue 23). The caller learns nothing about whether the address has an
 * account: the same answer, the same limits (counted by the address typed, account or not), the
 * same token made and hashed, the same one lookup. The link is stored and mailed after the
 * answer (`deliver`), so neither's time is in the response.
 */
export async function requestReset(input: {
  db: Db;
  email: string;
  clientAddress: string;
  /** Where links start for a workspace (its public address). */
  publicUrlOf: (workspaceId: string) => Promise<string>;
  /** Runs the storing and mailing once the answer is on its way. */
  deliver: (send: () => Promise<void>) => void;
  mailer: Mailer;
}) {
  const { db, email, clientAddress, publicUrlOf, mailer } = input;
  await reserveAttempt(db, {
    resetAccount: `password-reset:${email}`,
    resetAddress: `reset-address:${clientAddress}`,
  });
  const token = newToken();
  const tokenHash = hashToken(token);
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'workspace_id'])
    .where('email', '=', email)
    .where('erased_at', 'is', null)
    .where('deactivated_at', 'is', null)
    .executeTakeFirst();
  if (!user) return;
  // Stored and mailed after the answer: an account costs the caller no extra time to see.
  input.deliver(async () => {
    await storeReset(db, user.id, tokenHash, null);
    const publicUrl = await publicUrlOf(user.workspace_id);
    await mailer.send(resetMail({ to: user.email, link: `${publicUrl}/reset-password/${token}` }));
  });
}

/** An admin issues a link to copy, for a member of their workspace (mail or no mail). */
export async function issueResetLink(input: { db: Db; actor: Actor; memberId: string; publicUrl: string }) {
  const { db, actor, memberId, publicUrl } = input;
  const member = await db
    .selectFrom('users')
    .select(['id', 'workspace_id', 'deactivated_at'])
    .where('id', '=', memberId)
    .where('erased_at', 'is', null)
    .executeTakeFirst();
  if (!member) throw notFound();
  authorizeWorkspace({ actor, action: 'member:issue-password-reset', thing: member });
  if (member.deactivated_at)
    throw new AppError('conflict', 'Your identity provider turned this account off. Turn it on there first.');
  const token = newToken();
  const expiresAt = await storeReset(db, member.id, hashToken(token), actor.id);
  return { link: `${publicUrl}/reset-password/${token}`, expiresAt };
}

/** Stores a new link; the person's older open links die with it (one live link per person). */
async function storeReset(db: Db, userId: string, tokenHash: string, issuedBy: string | null) {
  const now = nowIso();
  const expiresAt = addMs(now, RESET_TTL_MS);
  await db.transaction().execute(async (tx) => {
    // Parallel requests for one person queue here, so exactly one link is left open.
    await lockRow(tx, 'users', userId);
    await tx
      .updateTable('password_resets')
      .set({ used_at: now })
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .execute();
    await tx
      .insertInto('password_resets')
      .values({
        id: newId(),
        user_id: userId,
        token_hash: tokenHash,
        issued_by: issuedBy,
        created_at: now,
        expires_at: expiresAt,
        used_at: null,
      })
      .execute();
  });
  return expiresAt;
}

/** What the reset page shows before the new password is typed: whose account (the link's holder has the mail). */
export async function previewReset(input: { db: Db; token: string }) {
  const row = await usableReset(input.db, input.token);
  return { email: row.email };
}

/** Sets the new password through a link: once, and every sign-in session of the person ends. */
export async function completeReset(input: {
  db: Db;
  token: string;
  password: string;
  hashing?: PasswordHashing;
}) {
  const { db, token, password } = input;
  await usableReset(db, token);
  const passwordHash = await hashPassword(password, input.hashing);
  await db.transaction().execute(async (tx) => {
    const row = await usableReset(tx, token);
    await lockRow(tx, 'password_resets', row.id);
    const now = nowIso();
    // Claimed atomically: of two parallel uses of one link, one sets the password.
    const claimed = await tx
      .updateTable('password_resets')
      .set({ used_at: now })
      .where('id', '=', row.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw usedOrExpired();
    await tx
      .updateTable('users')
      .set({ password_hash: passwordHash, password_changed_at: now })
      .where('id', '=', row.user_id)
      .execute();
    await tx
      .updateTable('password_resets')
      .set({ used_at: now })
      .where('user_id', '=', row.user_id)
      .where('used_at', 'is', null)
      .execute();
    await endAllSessions(tx, row.user_id);
  });
}

const usedOrExpired = () =>
  new AppError('gone', 'This link has expired or was already used. Ask for a new one.');

async function usableReset(db: Db, token: string) {
  const row = await db
    .selectFrom('password_resets')
    .innerJoin('users', 'users.id', 'password_resets.user_id')
    .select([
      'password_resets.id',
      'password_resets.user_id',
      'password_resets.used_at',
      'password_resets.expires_at',
      'users.email',
    ])
    .where('password_resets.token_hash', '=', hashToken(token))
    .where('users.erased_at', 'is', null)
    .where('users.deactivated_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw notFound();
  if (row.used_at || row.expires_at <= nowIso()) throw usedOrExpired();
  return row;
}
