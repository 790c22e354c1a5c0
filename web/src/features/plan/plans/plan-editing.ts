import { useCallback, useState } from 'react';
import { draftKey, readDraft } from '../../../ui/autosave/drafts';

/**
 * Which parts of the plan are open for editing (the plan reads as a document; each theme and the
 * headline open on their own). Kept in sessionStorage, so a reload keeps the PM where they were;
 * a part with an unsaved draft reopens by itself (hasDraft).
 */
export interface PlanEditing {
  isOpen: (part: string) => boolean;
  open: (part: string) => void;
  close: (part: string) => void;
}

const storageKey = (meId: string, pmId: string) => `wheelhouse:plan-editing:${meId}:${pmId}`;

function readOpen(key: string): string[] {
  try {
    const value: unknown = JSON.parse(window.sessionStorage.getItem(key) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export function usePlanEditing(meId: string, pmId: string): PlanEditing {
  const key = storageKey(meId, pmId);
  const [open, setOpen] = useState(() => new Set(readOpen(key)));
  const set = useCallback(
    (part: string, on: boolean) =>
      setOpen((before) => {
        if (before.has(part) === on) return before;
        const next = new Set(before);
        if (on) next.add(part);
        else next.delete(part);
        try {
          window.sessionStorage.setItem(key, JSON.stringify([...next]));
        } catch {
          // Storage refused: the page still works, it forgets on reload.
        }
        return next;
      }),
    [key],
  );
  return {
    isOpen: (part) => open.has(part),
    open: useCallback((part) => set(part, true), [set]),
    close: useCallback((part) => set(part, false), [set]),
  };
}

/** Whether any of these autosaved fields has words on this device the server does not have yet. */
export function hasDraft(meId: string, fields: readonly string[]): boolean {
  try {
    return fields.some((field) => readDraft(window.localStorage, draftKey(meId, field)) !== null);
  } catch {
    return false;
  }
}

/** The autosaved fields of a theme and its actions (the names ThemeEditor and ActionEditor use). */
export const themeFields = (theme: { id: string; actions: { id: string }[] }) => [
  ...['title', 'why', 'serves'].map((f) => `plan-theme:${theme.id}:${f}`),
  ...theme.actions.flatMap((a) => [`plan-action:${a.id}:text`, `plan-action:${a.id}:evidence`]),
];

/** `theme:<lineage>`: a theme stays open across a quarterly refresh (a new version, same lineage). */
export const themePart = (theme: { lineageId: string }) => `theme:${theme.lineageId}`;
