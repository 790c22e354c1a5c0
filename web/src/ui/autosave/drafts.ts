/**
 * Local drafts of words the server does not have yet (decision 057), in localStorage. The key
 * names the signed-in person, so on a shared device one person's draft is never shown to another.
 */

/** The part of localStorage drafts use (a Map-backed stand-in in unit tests). */
export type DraftStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface Draft {
  text: string;
  /** The stored text the draft was written over: its version goes with the save. */
  base: string;
}

/** `wheelhouse:draft:<person>:<field>`, e.g. field `plan-theme:<id>:why`. */
export const draftKey = (personId: string, field: string) => `wheelhouse:draft:${personId}:${field}`;

export function readDraft(store: DraftStore, key: string): Draft | null {
  try {
    const value: unknown = JSON.parse(store.getItem(key) ?? 'null');
    if (value && typeof value === 'object' && 'text' in value && 'base' in value) {
      const { text, base } = value as Record<string, unknown>;
      if (typeof text === 'string' && typeof base === 'string') return { text, base };
    }
  } catch {
    // A draft we cannot read is no draft.
  }
  return null;
}

export function writeDraft(store: DraftStore, key: string, draft: Draft) {
  try {
    store.setItem(key, JSON.stringify(draft));
  } catch {
    // Storage full or refused (private mode): the field still saves to the server.
  }
}

export function clearDraft(store: DraftStore, key: string) {
  try {
    store.removeItem(key);
  } catch {
    // Nothing to clear.
  }
}

const DRAFT_PREFIX = 'wheelhouse:draft:';

/**
 * Removes every draft that is not `personId`'s (all of them when nobody is signed in): after a
 * sign-out, or with someone else signed in on a shared computer, no one's unsent words stay in
 * this browser, not even in localStorage.
 */
export function removeDraftsExcept(store: Storage, personId: string | null) {
  try {
    const own = personId ? draftKey(personId, '') : null;
    const keys: string[] = [];
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key?.startsWith(DRAFT_PREFIX) && !(own && key.startsWith(own))) keys.push(key);
    }
    for (const key of keys) store.removeItem(key);
  } catch {
    // Storage refused: then no draft was kept either.
  }
}
