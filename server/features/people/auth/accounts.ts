import type { Db } from '../../../db/database.js';
import { uniquely } from '../../../db/unique.js';
import { AppError } from '../../../http/errors.js';
import type { Actor } from '../../../privacy/actor.js';
import { newId, nowIso } from '../../../util.js';
import { hashPassword, verifyPassword, type PasswordHashing } from './passwords.js';
import { createSession, endAllSessions } from './sessions.js';
import { attemptSucceeded, isKnownPlace, reserveAttempt, throttleKeys } from './throttle.js';

/** The stored hash of an account made through single sign-on: not a hash, so nothing verifies against it. */
export const NO_PASSWORD = '!single-sign-on';

/** Creates an account (used by first run, by accepting an invitation and by single sign-on). */
export async function createAccount(input: {
  db: Db;
  workspaceId: string;
  email: string;
  name: string;
  /** Null: no password (single sign-on only); no password can match the stored marker. */
  password: string | null;
  isAdmin: boolean;
  hashing?: PasswordHashing;
}) {
  const { db, workspaceId, email, name, password, isAdmin } = input;
  const taken = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (taken)
    throw new AppError('conflict', 'An account with that email address already exists. Sign in instead.');
  const now = nowIso();
  const id = newId();
  const passwordHash = password === null ? NO_PASSWORD : await hashPassword(password, input.hashing);
  // The check above answers the usual case; the unique index decides between parallel requests.
  await uniquely(
    () =>
      db
        .insertInto('users')
        .values({
          id,
          workspace_id: workspaceId,
          email,
          name,
          password_hash: passwordHash,
          is_admin: isAdmin ? 1 : 0,
          created_at: now,
          password_changed_at: now,
        })
        .execute(),
    () => new AppError('conflict', 'An account with that email address already exists. Sign in instead.'),
  );
  return id;
}

/** Checks email and password under the sign-in limits and starts a new session. */
export async function signIn(input: {
  db: Db;
  email: string;
  password: string;
  address: string;
  /** The browser's device cookie, when it has one. */
  deviceToken?: string;
  /** Only an admin's password signs in (OIDC_ONLY's break-glass admin). */
  adminOnly?: boolean;
}) {
  const { db, email, password, address, deviceToken } = input;
  const keys = throttleKeys(email, address);
  // From an address or a browser this person signed in with before, strangers' failures elsewhere don't count.
  if (await isKnownPlace(db, email, address, deviceToken)) delete keys.account;
  await reserveAttempt(db, keys);
  const user = await db
    .selectFrom('users')
    .select(['id', 'password_hash', 'is_admin', 'deactivated_at'])
    .where('email', '=', email)
    .executeTakeFirst();
  const ok = await verifyPassword(user?.password_hash, password);
  if (!user || !ok || (input.adminOnly && user.is_admin !== 1)) {
    throw new AppError('invalid_credentials', 'That email and password do not match an account.');
  }
  // Turned off by the company's identity provider (SCIM): told only to someone with the password.
  if (user.deactivated_at) throw accountTurnedOff();
  await attemptSucceeded(db, keys);
  // The address and the browser are remembered as known by startBrowserSession.
  return createSession(db, user.id);
}

/** Changes a password, ends every session of the person and starts a fresh one for this browser. */
export async function changePassword(input: {
  db: Db;
  actor: Actor;
  currentPassword: string;
  newPassword: string;
  hashing?: PasswordHashing;
}) {
  const { db, actor, currentPassword, newPassword } = input;
  // A stolen session must not become a way to guess the password: 5 wrong tries, then a pause.
  const keys = { passwordChange: `password-change:${actor.id}` };
  await reserveAttempt(db, keys);
  const user = await db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', actor.id)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, currentPassword))) {
    throw new AppError('validation_failed', 'currentPassword: is not your current password');
  }
  await attemptSucceeded(db, keys);
  const passwordHash = await hashPassword(newPassword, input.hashing);
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({ password_hash: passwordHash, password_changed_at: nowIso() })
      .where('id', '=', actor.id)
      .execute();
    await endAllSessions(tx, actor.id);
  });
  return createSession(db, actor.id);
}

export const accountTurnedOff = () =>
  new AppError('forbidden', 'Your company has turned this account off. Ask your Wheelhouse admin.');
