import { useCallback, useEffect, useRef, useState } from 'react';
import type { Assessment } from '../../../../../common/wheel-rounds';
import { api, ApiError } from '../../../api';
import { isEmptyPatch, mergePatch, withoutSaved, type DraftPatch } from './draft-patch';

export type SaveStatus =
  { state: 'idle' | 'unsaved' | 'saving' | 'saved' } | { state: 'failed'; message: string };

const RETRY_MS = 5000;

/**
 * Autosaves a draft as the person goes: changes queue up, are sent after a short pause, and are
 * kept in this browser's storage until the server has them, so a reload or a dropped connection
 * loses nothing (what is left is sent again on the next visit).
 */
export function useAutosave(url: string, storageKey: string) {
  const [recovered] = useState(() => readStored(storageKey));
  const pending = useRef<DraftPatch>(recovered);
  const timer = useRef<number | undefined>(undefined);
  const inFlight = useRef<Promise<void> | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });

  const persist = useCallback(() => {
    try {
      if (isEmptyPatch(pending.current)) localStorage.removeItem(storageKey);
      else localStorage.setItem(storageKey, JSON.stringify(pending.current));
    } catch {
      // Storage may be full or disabled; the save to the server still runs.
    }
  }, [storageKey]);

  const flushRef = useRef<() => Promise<void>>(async () => {});
  const schedule = useCallback((delay: number) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void flushRef.current(), delay);
  }, []);

  flushRef.current = async () => {
    window.clearTimeout(timer.current);
    while (inFlight.current) await inFlight.current;
    const sent = pending.current;
    if (isEmptyPatch(sent)) return;
    setStatus({ state: 'saving' });
    let retry = false;
    inFlight.current = api<Assessment>('PUT', url, sent)
      .then(() => {
        pending.current = withoutSaved(pending.current, sent);
        persist();
        setStatus(isEmptyPatch(pending.current) ? { state: 'saved' } : { state: 'unsaved' });
        if (!isEmptyPatch(pending.current)) schedule(300);
      })
      .catch((e: unknown) => {
        setStatus({ state: 'failed', message: e instanceof ApiError ? e.message : 'Something went wrong.' });
        // A network or server failure may pass; a refusal (already submitted) will not.
        retry = !(e instanceof ApiError) || e.status === 0 || e.status >= 500;
      })
      .finally(() => {
        inFlight.current = null;
      });
    await inFlight.current;
    if (retry) schedule(RETRY_MS);
  };

  const flush = useCallback(() => flushRef.current(), []);

  /** Queues a change and saves it after `delay` ms without further changes. */
  const change = useCallback(
    (patch: DraftPatch, delay = 400) => {
      pending.current = mergePatch(pending.current, patch);
      persist();
      setStatus({ state: 'unsaved' });
      schedule(delay);
    },
    [persist, schedule],
  );

  /** Stops autosaving and hands over the queued changes (to send them with the submit). */
  const takePending = useCallback(async () => {
    window.clearTimeout(timer.current);
    while (inFlight.current) await inFlight.current;
    window.clearTimeout(timer.current);
    return pending.current;
  }, []);

  /** Forgets queued changes once the server holds them (after a submit). */
  const clear = useCallback(() => {
    window.clearTimeout(timer.current);
    pending.current = {};
    persist();
  }, [persist]);

  // Send what an earlier visit left unsaved; save before leaving the page or the form.
  useEffect(() => {
    if (!isEmptyPatch(pending.current)) schedule(0);
    const leave = () => void flushRef.current();
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      void flushRef.current();
    };
  }, [schedule]);

  return { status, change, flush, takePending, clear, recovered };
}

function readStored(key: string): DraftPatch {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as DraftPatch) : {};
  } catch {
    return {};
  }
}
