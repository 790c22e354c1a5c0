import type { Db } from '../../../db/database.js';
import { AppError } from '../../../http/errors.js';
import { hashToken, nowIso } from '../../../util.js';
import { signIn } from '../auth/accounts.js';
import { endSession } from '../auth/sessions.js';
import { takeAttempt } from './attempts.js';
import { linkPerson } from './links.js';
import type { SsoConfig } from './sso-config.js';

/**
 * No takeover by e-mail match (issue 23): the provider said "this address", and an account with
 * it exists. The account's password, once, under the sign-in limits, proves the person owns both;
 * only then is the provider's account linked. The waiting attempt is used once.
 */
export async function proveAndLink(input: {
  db: Db;
  sso: SsoConfig;
  /** The proof cookie set at the callback. */
  secret: string | undefined;
  password: string;
  address: string;
  deviceToken?: string;
}) {
  const { db, sso, secret } = input;
  const gone = new AppError(
    'gone',
    `This request to link your account has expired. Sign in with ${sso.displayName} again.`,
  );
  if (!secret) throw gone;
  const waiting = await db
    .selectFrom('sso_attempts')
    .innerJoin('users', 'users.id', 'sso_attempts.user_id')
    .select(['users.email'])
    .where('sso_attempts.state_hash', '=', hashToken(secret))
    .where('sso_attempts.expires_at', '>', nowIso())
    .where('sso_attempts.subject', 'is not', null)
    .executeTakeFirst();
  if (!waiting) throw gone;
  const started = await signIn({ ...input, email: waiting.email }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'invalid_credentials')
      throw new AppError('invalid_credentials', 'password: is not the password of your Wheelhouse account');
    throw error;
  });
  const taken = await takeAttempt(db, secret);
  if (!taken?.user_id || !taken.issuer || !taken.subject) {
    // A parallel request used it first: this one signs nobody in.
    await endSession(db, hashToken(started.token));
    throw gone;
  }
  await linkPerson(db, { issuer: taken.issuer, subject: taken.subject, userId: taken.user_id });
  return started;
}
