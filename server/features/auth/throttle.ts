import type { Db } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import { addMs, nowIso } from '../../util.js';

const WINDOW_MS = 15 * 60 * 1000;

/**
 * Sign-in limits, kept in the database so they hold across instances. The per-account limit
 * only blocks for a minute at a time, so an attacker cannot lock a person out for long; the
 * account-from-one-address and per-address limits stop guessing from one place for longer.
 */
export const signInLimits = {
  accountFromAddress: { maxFailures: 5, blockMs: 15 * 60 * 1000 },
  account: { maxFailures: 20, blockMs: 60 * 1000 },
  address: { maxFailures: 50, blockMs: 15 * 60 * 1000 },
} as const;

type LimitName = keyof typeof signInLimits;

export function throttleKeys(email: string, address: string): Record<LimitName, string> {
  return {
    accountFromAddress: `account-address:${email}|${address}`,
    account: `account:${email}`,
    address: `address:${address}`,
  };
}

/** Refuses with rate_limited while any of the keys is blocked. */
export async function assertNotThrottled(db: Db, keys: Record<LimitName, string>) {
  const now = nowIso();
  const rows = await db
    .selectFrom('sign_in_throttle')
    .select(['blocked_until'])
    .where('key', 'in', Object.values(keys))
    .execute();
  const until = rows
    .map((r) => r.blocked_until)
    .filter((b): b is string => b !== null && b > now)
    .sort()
    .at(-1);
  if (until) {
    const seconds = Math.max(1, Math.ceil((Date.parse(until) - Date.parse(now)) / 1000));
    throw new AppError(
      'rate_limited',
      `Too many sign-in attempts. Try again in ${seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`}.`,
      { retryAfterSeconds: seconds },
    );
  }
}

/** Counts one failed sign-in against every key, blocking the keys that reach their limit. */
export async function recordFailure(db: Db, keys: Record<LimitName, string>) {
  const now = nowIso();
  const windowStart = addMs(now, -WINDOW_MS);
  for (const [name, key] of Object.entries(keys) as [LimitName, string][]) {
    const limit = signInLimits[name];
    await db.transaction().execute(async (tx) => {
      // Insert-or-increment in one statement keeps the count right under concurrent failures.
      const row = await tx
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
        .returning(['failures'])
        .executeTakeFirstOrThrow();
      if (row.failures >= limit.maxFailures) {
        await tx
          .updateTable('sign_in_throttle')
          .set({ blocked_until: addMs(now, limit.blockMs), failures: 0, window_started_at: now })
          .where('key', '=', key)
          .execute();
      }
    });
  }
}

/** A successful sign-in clears the account's own counters (not the address's). */
export async function clearFailures(db: Db, keys: Record<LimitName, string>) {
  await db
    .deleteFrom('sign_in_throttle')
    .where('key', 'in', [keys.accountFromAddress, keys.account])
    .execute();
}
