// Loaded on the first sign-in or password change, not at start (a native module of ~10 MB).
const argon2 = () => import('@node-rs/argon2');

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
const options = {
  algorithm: 2 /* Algorithm.Argon2id (a const enum) */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};

export const hashPassword = async (password: string) => (await argon2()).hash(password, options);

// Verified against when no account matches, so a wrong email costs the same time as a wrong password.
let decoyHash: Promise<string> | undefined;

/** Checks a password against a stored hash, or against a decoy when there is no account. */
export async function verifyPassword(storedHash: string | undefined, password: string) {
  decoyHash ??= hashPassword('decoy password that never matches');
  try {
    const { verify } = await argon2();
    return await verify(storedHash ?? (await decoyHash), password);
  } catch {
    return false;
  }
}
