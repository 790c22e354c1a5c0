import { useCallback, useState } from 'react';
import { ApiError } from '../api';

/** Field names in server messages ("password: must be …") as a person reads them. */
export type FieldLabels = Record<string, string>;

/** Turns "newPassword: must be at least 10 characters" into "New password must be at least 10 characters". */
export function humanMessage(message: string, labels: FieldLabels = {}): string {
  return message.replace(/(^|; )(\w+): /g, (whole, sep: string, field: string) => {
    const label = labels[field];
    return label ? `${sep}${label} ` : whole;
  });
}

/**
 * Runs an async action with progress and an error message: `pending` while it runs, `error` with
 * the server's message when it fails. `run` resolves to the result, or undefined on failure.
 */
export function useAction<A extends unknown[], R>(action: (...args: A) => Promise<R>, labels?: FieldLabels) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState('');
  const run = useCallback(
    async (...args: A): Promise<R | undefined> => {
      setPending(true);
      setError('');
      try {
        return await action(...args);
      } catch (e) {
        const message = e instanceof ApiError ? e.message : 'Something went wrong. Please try again.';
        setError(humanMessage(message, labels));
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [action, labels],
  );
  return { run, pending, error, clearError: () => setError('') };
}
