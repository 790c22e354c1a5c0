import { textVersion } from '../../../../common/text-version';
import { clearDraft, readDraft, writeDraft, type DraftStore } from './drafts';

/**
 * Save while typing for one text field, as a plain object React wraps (decision 057): a save
 * about `delay` ms after typing stops (at least every 10 s while it goes on; at once on leaving the field), a local draft until the
 * server has the words, the version check's conflict kept for the person to decide.
 */

/** What a save came back with: the stored text, the other text (a stale version), or why not. */
export type SaveOutcome =
  | { kind: 'saved'; stored: string }
  | { kind: 'conflict'; theirs: string }
  | { kind: 'failed'; message: string };

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed' | 'conflict';

export interface AutosaveState {
  text: string;
  status: SaveStatus;
  /** Why the last save failed (status failed). */
  message: string;
  /** The text saved somewhere else meanwhile (status conflict). */
  theirs: string;
}

export interface AutosaverOptions {
  /** The server's text when the field appears. */
  value: string;
  save: (text: string, version: string) => Promise<SaveOutcome>;
  store: DraftStore;
  draftKey: string;
  delay?: number;
  onChange: (state: AutosaveState) => void;
}

export const SAVE_DELAY_MS = 1000;
export const MAX_WAIT_MS = 10_000;

export function createAutosaver(options: AutosaverOptions) {
  const { store, draftKey, delay = SAVE_DELAY_MS } = options;
  // `base`: the stored text this edit started from (its version goes with each save).
  // `saved`: the last text the server has from us (or showed us); clean while text === saved.
  let base = options.value;
  let saved = options.value;
  let inFlight = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let state: AutosaveState = { text: options.value, status: 'idle', message: '', theirs: '' };

  const set = (next: Partial<AutosaveState>) => {
    state = { ...state, ...next };
    options.onChange(state);
  };
  const keepDraft = () => writeDraft(store, draftKey, { text: state.text, base });
  // Typing without a pause still saves every MAX_WAIT_MS: a long paragraph reaches the server too.
  let unsavedSince: number | null = null;
  const schedule = (ms: number) => {
    unsavedSince ??= Date.now();
    clearTimeout(timer);
    const left = Math.max(0, unsavedSince + MAX_WAIT_MS - Date.now());
    timer = setTimeout(() => void flush(), Math.min(ms, left));
  };

  async function flush(): Promise<void> {
    clearTimeout(timer);
    if (inFlight || state.status === 'conflict' || state.text === saved) return;
    const sent = state.text;
    inFlight = true;
    unsavedSince = null;
    set({ status: 'saving', message: '' });
    const outcome = await options
      .save(sent, textVersion(base))
      .catch((): SaveOutcome => ({ kind: 'failed', message: 'Something went wrong.' }));
    inFlight = false;
    if (outcome.kind === 'conflict') return set({ status: 'conflict', theirs: outcome.theirs });
    if (outcome.kind === 'failed') return set({ status: 'failed', message: outcome.message });
    saved = sent;
    base = outcome.stored;
    if (state.text !== sent) {
      // Typed on while the save was on its way: those words go next.
      keepDraft();
      set({ status: 'saving' });
      schedule(delay);
    } else {
      clearDraft(store, draftKey);
      set({ status: 'saved' });
    }
  }

  // A draft left by a reload or a lost connection: show it and send it (its base goes with it,
  // so words changed elsewhere meanwhile come back as a conflict, not an overwrite).
  const draft = readDraft(store, draftKey);
  if (draft && draft.text !== options.value) {
    base = draft.base;
    state = { ...state, text: draft.text, status: 'saving' };
    schedule(0);
  } else if (draft) clearDraft(store, draftKey);

  return {
    get state() {
      return state;
    },
    /** True while the field holds words the server does not have. */
    get dirty() {
      return state.text !== saved;
    },
    /** The person typed. */
    type(text: string) {
      if (state.status === 'conflict') {
        set({ text });
        return keepDraft();
      }
      const back = state.status === 'idle' ? 'idle' : 'saved';
      set({ text, status: text === saved ? back : 'idle', message: '' });
      if (text === saved) {
        clearTimeout(timer);
        return clearDraft(store, draftKey);
      }
      keepDraft();
      schedule(delay);
    },
    /** Saves now (leaving the field, leaving the page, back online, "Retry"). */
    flush,
    /** The server's text changed (another save answered): followed unless the person has unsaved words. */
    serverValue(value: string) {
      // `base` is already known (our own save's answer); unsaved words are never replaced.
      if (value === base || inFlight || state.status === 'conflict' || state.text !== saved) return;
      base = value;
      saved = value;
      set({ text: value });
    },
    /** Conflict: keep the person's words, over the other text they have now seen. */
    keepMine() {
      base = state.theirs;
      set({ status: 'idle', theirs: '' });
      void flush();
    },
    /** Conflict: take the other text; the person's words go. */
    useTheirs() {
      base = state.theirs;
      saved = state.theirs;
      clearDraft(store, draftKey);
      set({ text: state.theirs, status: 'saved', theirs: '' });
    },
    dispose() {
      clearTimeout(timer);
    },
  };
}

export type Autosaver = ReturnType<typeof createAutosaver>;
