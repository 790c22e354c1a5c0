import { useEffect, useRef, useState } from 'react';
import { useMe } from '../../app/session';
import { clearDraft, draftKey, readDraft, writeDraft } from './drafts';
import { trackUnsaved } from './unsaved';

/**
 * A local draft for a one-off form sent with a button (a new agenda item, a vision proposal, a
 * reflection): nothing to save while typing, but what is typed survives a reload (kept on this
 * device, keyed by the signed-in person), and closing the tab with words in it asks first.
 * `clear` after the form was sent.
 */
export function useFormDraft(
  field: string,
  text: string,
  setText: (text: string) => void,
  /** What the form holds before anyone types (a form that starts filled in). */
  unchanged = '',
) {
  const me = useMe();
  const key = draftKey(me.id, field);
  const [restored, setRestored] = useState(false);
  const typed = (value: string) => value.trim() !== '' && value !== unchanged;
  const dirtyRef = useRef(false);
  dirtyRef.current = typed(text);
  // Once, on opening: words left from before come back.
  useEffect(() => {
    const draft = readDraft(window.localStorage, key);
    if (draft && typed(draft.text)) {
      setText(draft.text);
      setRestored(true);
    }
  }, [key]);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (typed(text)) writeDraft(window.localStorage, key, { text, base: '' });
    else clearDraft(window.localStorage, key);
  }, [key, text]);
  useEffect(
    () =>
      trackUnsaved(() => ({
        dirty: dirtyRef.current,
        // The words stay on this device: moving to another page in the app need not ask.
        stuck: false,
        flush: async () => {},
      })),
    [],
  );
  return {
    /** The field shows words kept from an earlier visit. */
    restored,
    /** What the field says about its words, for a hint line (empty when there are none). */
    note: typed(text)
      ? restored
        ? 'Not sent yet: your words from before, kept on this device.'
        : 'Not sent yet: kept on this device until you send it.'
      : '',
    clear: () => {
      clearDraft(window.localStorage, key);
      setRestored(false);
    },
  };
}
