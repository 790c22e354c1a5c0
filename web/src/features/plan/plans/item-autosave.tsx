import { useState } from 'react';
import type { FieldLabels } from '../../../ui/messages';
import { usePlanChange } from './plan-context';

/**
 * The plan editor saves each change as the PM makes it (no Save button): one item (the plan's
 * period, a theme's targets, an action's status and date) patches its own path and says "Saving…",
 * "Saved" or why not. Text fields save while typing, each with its own state (ui/autosave).
 */
export function useItemAutosave(path: string, labels?: FieldLabels) {
  const change = usePlanChange(labels);
  const [saved, setSaved] = useState(false);
  const save = async (patch: Record<string, unknown>) => {
    setSaved(false);
    const plan = await change.run('PATCH', path, patch);
    if (plan) setSaved(true);
    return plan;
  };
  return { save, pending: change.pending, error: change.error, saved };
}

/** The visible state of an autosaved item. Errors are announced; "Saved" is quiet. */
export function SaveState({
  pending,
  error,
  saved,
  idle = 'Changes save as you go',
}: {
  pending: boolean;
  error: string;
  saved: boolean;
  idle?: string;
}) {
  if (error)
    return (
      <p className="save-status save-failed" role="alert">
        Not saved: {error}
      </p>
    );
  return (
    <p className={`save-status ${saved && !pending ? 'save-saved' : ''}`}>
      {pending ? 'Saving…' : saved ? 'Saved' : idle}
    </p>
  );
}
