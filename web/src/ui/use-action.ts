import { useCallback, useState } from 'react';
import { ApiError } from '../api';
import { humanMessage, type FieldLabels } from './messages';

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
