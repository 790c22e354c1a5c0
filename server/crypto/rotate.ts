import type { Db } from '../db/database.js';
import { newKey, type Keyring } from './field-crypto.js';
import { newKeyId } from './keys.js';
import { census, refuseMissingKeys, resealFields, type Census } from './reseal.js';

/** What a rotation did: values rewritten, and how many values each key seals before and after. */
export interface RotationReport {
  current: string;
  rewritten: number;
  before: Census;
  after: Census;
  /** Older keys no value uses any more: they may be dropped (once no backup needs them). */
  unused: string[];
}

/** The keyring with a fresh key in front (it becomes current); the older keys stay to open old values. */
export function withNewKey(keyring: Keyring, now: Date): Keyring {
  const id = newKeyId(now);
  return { current: id, keys: new Map([[id, newKey()], ...keyring.keys]) };
}

/**
 * Re-seals every value not under the current key (in batches, each one transaction), refusing
 * first when a value's key is missing. `db` must carry the keyring whose current key is the new one.
 */
export async function rotateValues(db: Db, current: string, batchSize?: number): Promise<RotationReport> {
  const before = await census(db);
  refuseMissingKeys(before);
  const rewritten = await resealFields({ db, which: 'not-current', batchSize });
  const after = await census(db);
  const unused = Object.entries(after.byKey)
    .filter(([id, n]) => id !== current && n === 0)
    .map(([id]) => id);
  return { current, rewritten, before, after, unused };
}

/** The keyring without the given keys (the current one is always kept). */
export function withoutKeys(keyring: Keyring, drop: string[]): Keyring {
  return {
    current: keyring.current,
    keys: new Map([...keyring.keys].filter(([id]) => id === keyring.current || !drop.includes(id))),
  };
}

/** One line per key: how many values it sealed before and after, plus the clear ones. */
export function describeRotation(r: RotationReport): string[] {
  const lines = Object.keys(r.after.byKey).map(
    (id) =>
      `  ${id}${id === r.current ? ' (current)' : ''}: ${r.before.byKey[id] ?? 0} → ${r.after.byKey[id]} values`,
  );
  if (r.before.clear > 0) lines.push(`  not encrypted yet: ${r.before.clear} → ${r.after.clear} values`);
  return [`Re-encrypted ${r.rewritten} values under key ${r.current}.`, ...lines];
}
