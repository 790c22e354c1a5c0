import type { Db } from '../../../db/database.js';
import { AppError } from '../../../http/errors.js';
import { addMs, hashToken, nowIso } from '../../../util.js';

const WINDOW_MS = 15 * 60 * 1000;

/**
 * Password-guessing limits, kept in the database so they hold across instances (decision 007).
 * An attempt is *reserved* on every key before the slow hash, in one atomic statement per key,
 * so parallel guesses count as many as sequential ones. The account-wide limit does not apply
 * from an address the person has signed in from before, so strangers cannot lock the owner out.
 */
export const signInLimits = {
  accountFromAddress: { maxFailures: 5, blockMs: 15 * 60 * 1000 },
  account: { maxFailures: 20, blockMs: 60 * 1000 },
  address: { maxFailures: 50, blockMs: 15 * 60 * 1000 },
  passwordChange: { maxFailures: 5, blockMs: 15 * 60 * 1000 },
  // Password reset mails (issue 23): every request counts, known address or not.
  resetAccount: { maxFailures: 3, blockMs: 15 * 60 * 1000 },
  resetAddress: { maxFailures: 20, blockMs: 15 * 60 * 1000 },
} as const;

type LimitName = keyof typeof signInLimits;
export type ThrottleKeys = Partial<Record<LimitName, string>>;

export function throttleKeys(email: string, address: string): ThrottleKeys {
  return {
    accountFromAddress: `account-address:${email}|${address}`,
    account: `account:${email}`,
    address: `address:${address}`,
  };
}

/**
 * A browser the person signed in with before, as a "place" next to addresses: its device
 * cookie's hash, so the owner's own browser is known on any network (issue 19, row 14).
 */
export const devicePlace = (deviceToken: string) => `device:${hashToken(deviceToken)}`;

/**
 * Whether the person has signed in from this address or with this browser before (then the
 * account-wide limit is off: strangers' failures elsewhere cannot lock the owner out).
 */
export async function isKnownPlace(db: Db, email: string, address: string, deviceToken?: string) {
  const places = deviceToken ? [address, devicePlace(deviceToken)] : [address];
  const row = await db
    .selectFrom('sign_in_known_addresses')
    .select('email')
    .where('email', '=', email)
    .where('address', 'in', places)
    .executeTakeFirst();
  return row !== undefined;
}

export async function rememberAddress(db: Db, email: string, address: string) {
  const now = nowIso();
  await db
    .insertInto('sign_in_known_addresses')
    .values({ email, address, last_at: now })
    .onConflict((oc) => oc.columns(['email', 'address']).doUpdateSet({ last_at: now }))
    .execute();
}

/**
 * Counts one attempt against every key, atomically, before the password is checked; refuses with
 * rate_limited when a key is blocked or this attempt goes over its limit (which blocks the key).
 * A success gives the attempt back (`attemptSucceeded`).
 */
export async function reserveAttempt(db: Db, keys: ThrottleKeys) {
  const now = nowIso();
  let blockedUntil: string | null = null;
  for (const [name, key] of Object.entries(keys) as [LimitName, string][]) {
    const row = await countAttempt(db, key, now);
    const limit = signInLimits[name];
    if (row.blocked_until && row.blocked_until > now) {
      blockedUntil = later(blockedUntil, row.blocked_until);
    } else if (row.failures > limit.maxFailures) {
      const until = addMs(now, limit.blockMs);
      await db
        .updateTable('sign_in_throttle')
        .set({ blocked_until: until, failures: 0, window_started_at: now })
        .where('key', '=', key)
        .execute();
      blockedUntil = later(blockedUntil, until);
    }
  }
  if (blockedUntil) throw tooMany(blockedUntil, now);
}

/** Insert-or-increment in one statement: the count stays right under concurrent attempts. */
function countAttempt(db: Db, key: string, now: string) {
  const windowStart = addMs(now, -WINDOW_MS);
  return db
    .insertInto('sign_in_throttle')
    .values({ key, failures: 1, window_started_at: now, blocked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        failures: eb
          .case()
          .when('sign_in_throttle.window_started_at', '<', windowStart)
          .then(1)
          .else(eb('sign_in_throttle.failures', '+', 1))
          .end(),
        window_started_at: eb
          .case()
          .when('sign_in_throttle.window_started_at', '<', windowStart)
          .then(now)
          .else(eb.ref('sign_in_throttle.window_started_at'))
          .end(),
      })),
    )
    .returning(['failures', 'blocked_until'])
    .executeTakeFirstOrThrow();
}

/** A right password clears the person's own counters and gives the address its attempt back. */
export async function attemptSucceeded(db: Db, keys: ThrottleKeys) {
  const own = [keys.accountFromAddress, keys.account, keys.passwordChange].filter((k) => k !== undefined);
  if (own.length) await db.deleteFrom('sign_in_throttle').where('key', 'in', own).execute();
  if (keys.address) {
    await db
      .updateTable('sign_in_throttle')
      .set((eb) => ({ failures: eb('failures', '-', 1) }))
      .where('key', '=', keys.address)
      .where('failures', '>', 0)
      .execute();
  }
}

const later = (a: string | null, b: string) => (a && a > b ? a : b);

function tooMany(until: string, now: string) {
  const seconds = Math.max(1, Math.ceil((Date.parse(until) - Date.parse(now)) / 1000));
  const wait = seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return new AppError('rate_limited', `Too many attempts. Try again in ${wait}.`, {
    retryAfterSeconds: seconds,
  });
}
