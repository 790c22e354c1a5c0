import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api';
import { useMe } from '../../app/session';
import { humanMessage, type FieldLabels } from '../messages';
import { createAutosaver, type Autosaver, type AutosaveState, type SaveOutcome } from './autosaver';
import { draftKey } from './drafts';
import { trackUnsaved } from './unsaved';

/** Turns a save's error into what the field shows: the other text of a conflict, or why not. */
export function outcomeOfError(error: unknown, field: string, labels?: FieldLabels): SaveOutcome {
  if (error instanceof ApiError && error.code === 'edit_conflict') {
    const current = error.details.current as Record<string, string> | undefined;
    return { kind: 'conflict', theirs: current?.[field] ?? '' };
  }
  if (error instanceof ApiError && error.status === 0)
    return { kind: 'failed', message: 'no connection. Your words are kept on this device.' };
  const message = error instanceof ApiError ? error.message : 'something went wrong.';
  return { kind: 'failed', message: humanMessage(message, labels) };
}

/**
 * Save while typing for one field (decision 057). `field` names it for the local draft, e.g.
 * `plan-theme:<id>:why`; `save` sends the text with the version it started from.
 */
export function useAutosave({
  field,
  value,
  save,
}: {
  field: string;
  value: string;
  save: (text: string, version: string) => Promise<SaveOutcome>;
}): { state: AutosaveState; saver: Autosaver } {
  const me = useMe();
  const saveRef = useRef(save);
  saveRef.current = save;
  const [state, setState] = useState<AutosaveState | null>(null);
  const [saver] = useState(() =>
    createAutosaver({
      value,
      save: (text, version) => saveRef.current(text, version),
      store: window.localStorage,
      draftKey: draftKey(me.id, field),
      onChange: setState,
    }),
  );
  useEffect(() => saver.serverValue(value), [saver, value]);
  useEffect(() => {
    const untrack = trackUnsaved(() => ({
      dirty: saver.dirty,
      stuck: saver.dirty && (saver.state.status === 'failed' || saver.state.status === 'conflict'),
      flush: saver.flush,
    }));
    return () => {
      untrack();
      // Leaving the page in the app: what is typed goes now (its draft stays until it arrives).
      void saver.flush();
      saver.dispose();
    };
  }, [saver]);
  return { state: state ?? saver.state, saver };
}
