import type { Db } from '../../../db/database.js';
import { addMs, hashToken, nowIso } from '../../../util.js';

/** The provider has this long to send the person back. */
export const ATTEMPT_TTL_MS = 10 * 60 * 1000;
/** A person asked to prove their password account has this long to do it. */
export const PROOF_TTL_MS = 15 * 60 * 1000;

type Waiting = { codeVerifier: string; nonce: string } | { userId: string; issuer: string; subject: string };

/** Keeps a sign-in in progress under the hash of its secret (the state, or the proof cookie). */
export async function keepAttempt(db: Db, secret: string, waiting: Waiting) {
  const now = nowIso();
  // Housekeeping: finished or abandoned attempts go the next time anyone starts one.
  await db.deleteFrom('sso_attempts').where('expires_at', '<=', now).execute();
  const forProvider = 'codeVerifier' in waiting;
  await db
    .insertInto('sso_attempts')
    .values({
      state_hash: hashToken(secret),
      code_verifier: forProvider ? waiting.codeVerifier : null,
      nonce: forProvider ? waiting.nonce : null,
      user_id: forProvider ? null : waiting.userId,
      issuer: forProvider ? null : waiting.issuer,
      subject: forProvider ? null : waiting.subject,
      created_at: now,
      expires_at: addMs(now, forProvider ? ATTEMPT_TTL_MS : PROOF_TTL_MS),
    })
    .execute();
}

/**
 * Takes an attempt out, once: the delete decides between a callback and its replay (or two
 * parallel ones), so only one of them ever finds it. Expired attempts are not found.
 */
export async function takeAttempt(db: Db, secret: string) {
  const row = await db
    .deleteFrom('sso_attempts')
    .where('state_hash', '=', hashToken(secret))
    .returningAll()
    .executeTakeFirst();
  return row && row.expires_at > nowIso() ? row : undefined;
}
