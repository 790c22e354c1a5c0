import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Field encryption (decision 044): AES-256-GCM with a random 12-byte IV per value, the key's id
 * stored with the value, and associated data naming the value's table and column, so a sealed
 * private note cannot be copied into a shared field and read there. A sealed value is text in the
 * same column: `wh1:<keyId>:<iv>:<tag>:<ciphertext>` (base64url parts).
 */

/** The keys this process holds; `current` seals new values, every key opens old ones. */
export interface Keyring {
  current: string;
  keys: ReadonlyMap<string, Buffer>;
}

/** A value that cannot be opened: tampered with, moved, or sealed under a key this process lacks. */
export class FieldCryptoError extends Error {}

export const sealedPrefix = 'wh1:';
export const keyIdPattern = /^[A-Za-z0-9-]{1,40}$/;

/** Where a value lives; bound into the ciphertext as associated data. */
export type FieldPlace = `${string}.${string}`;

/** True when the stored text is a sealed value (anything else is an older clear value). */
export const isSealed = (stored: string) => stored.startsWith(sealedPrefix);

/** The key id a sealed value names, or null for a clear value. */
export function keyIdOf(stored: string): string | null {
  if (!isSealed(stored)) return null;
  const end = stored.indexOf(':', sealedPrefix.length);
  return end < 0 ? null : stored.slice(sealedPrefix.length, end);
}

/** Encrypts one value for its place under the current key. */
export function sealValue(keyring: Keyring, place: FieldPlace, clear: string): string {
  const key = keyring.keys.get(keyring.current)!;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(place, 'utf8'));
  const body = Buffer.concat([cipher.update(clear, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return `${sealedPrefix}${keyring.current}:${iv.toString('base64url')}:${tag.toString('base64url')}:${body.toString('base64url')}`;
}

/**
 * Decrypts one stored value read from its place. A clear value (written before encryption
 * existed) is answered as it is; a sealed one that fails to open throws FieldCryptoError.
 */
export function openValue(keyring: Keyring, place: FieldPlace, stored: string): string {
  if (!isSealed(stored)) return stored;
  openedValues.count++;
  const parts = stored.split(':');
  if (parts.length !== 5) throw new FieldCryptoError(`A sealed value in ${place} is malformed.`);
  const [, keyId, iv, tag, body] = parts as [string, string, string, string, string];
  const key = keyring.keys.get(keyId);
  if (!key)
    throw new FieldCryptoError(
      `A value in ${place} is sealed under key "${keyId}", which this server does not have (see "Encryption at rest" in the README).`,
    );
  // Canonical base64url only: otherwise unused trailing bits would let one value have many spellings.
  const [ivBytes, tagBytes, bodyBytes] = [iv, tag, body].map((part) => Buffer.from(part, 'base64url'));
  const canonical = [ivBytes, tagBytes, bodyBytes].every(
    (b, i) => b!.toString('base64url') === [iv, tag, body][i],
  );
  if (!canonical || ivBytes!.length !== 12 || tagBytes!.length !== 16)
    throw new FieldCryptoError(`A sealed value in ${place} failed its integrity check (changed or moved).`);
  try {
    // A fixed 16-byte tag: GCM would otherwise accept a truncated (forgeable) one.
    const decipher = createDecipheriv('aes-256-gcm', key, ivBytes!, { authTagLength: 16 });
    decipher.setAAD(Buffer.from(place, 'utf8'));
    decipher.setAuthTag(tagBytes!);
    return Buffer.concat([decipher.update(bodyBytes!), decipher.final()]).toString('utf8');
  } catch {
    throw new FieldCryptoError(`A sealed value in ${place} failed its integrity check (changed or moved).`);
  }
}

/**
 * How many sealed values this process has opened: the bench and the tests read it to check that
 * a page opens only what it shows (issue 24). A plain counter costs nothing beside AES.
 */
export const openedValues = { count: 0 };

/** A new random 256-bit key. */
export const newKey = () => randomBytes(32);
