// Loaded on the first sign-in or password change, not at start (a native module of ~10 MB).
const argon2 = () => import('@node-rs/argon2');

/**
 * How hard a new password hash is to compute. Only tests ask for 'fast-for-tests' (through their
 * app's config; loadConfig never gives it): they create hundreds of accounts, at ~35 ms each.
 */
export type PasswordHashing = 'strong' | 'fast-for-tests';

const argon2id = 2; /* Algorithm.Argon2id (a const enum) */
const hashOptions = {
  // OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
  strong: { algorithm: argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 },
  // argon2's minimum: 8 KiB, 1 pass (well under a millisecond).
  'fast-for-tests': { algorithm: argon2id, memoryCost: 8, timeCost: 1, parallelism: 1 },
} as const;

export const hashPassword = async (password: string, hashing: PasswordHashing = 'strong') =>
  (await argon2()).hash(password, hashOptions[hashing]);

// Verified against when no account matches, so a wrong email costs the same time as a wrong password.
let decoyHash: Promise<string> | undefined;

/** Checks a password against a stored hash (its cost is read from the hash), or against a decoy when there is no account. */
export async function verifyPassword(storedHash: string | undefined, password: string) {
  decoyHash ??= hashPassword('decoy password that never matches');
  try {
    const { verify } = await argon2();
    return await verify(storedHash ?? (await decoyHash), password);
  } catch {
    return false;
  }
}
