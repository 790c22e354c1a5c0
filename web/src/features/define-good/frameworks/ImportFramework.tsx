import { useId, useState, type ChangeEvent } from 'react';
import type { Framework } from '../../../../../common/wheel';
import { api, ApiError } from '../../../api';
import { useGo } from '../../../app/use-go';
import { FormError } from '../../../ui/FormError';
import { frameworkMessage } from './framework-messages';

/** Imports a framework file: a clear message names the bad field when the server refuses it. */
export function ImportFramework() {
  const id = useId();
  const go = useGo();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState('');
  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setError('');
    setPending(true);
    try {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await file.text());
      } catch {
        throw new ApiError(
          'validation_failed',
          `${file.name} is not a JSON file (it could not be read as JSON).`,
          400,
        );
      }
      const areas = (parsed as { areas?: { name?: unknown }[] } | null)?.areas;
      const names = Array.isArray(areas) ? areas.map((a) => (typeof a?.name === 'string' ? a.name : '')) : [];
      try {
        const created = await api<Framework>('POST', '/api/frameworks/import', parsed);
        go(`/frameworks/${created.id}`, `Imported "${created.name}" as your own copy.`);
      } catch (err) {
        if (err instanceof ApiError)
          throw new ApiError(
            err.code,
            `${file.name} could not be imported: ${frameworkMessage(err.message, names)}`,
            err.status,
          );
        throw err;
      }
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Something went wrong. Please try again.');
      input.value = '';
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="form">
      <div className="field">
        <label htmlFor={id}>Framework file (.json)</label>
        <input
          id={id}
          type="file"
          accept="application/json,.json"
          onChange={(e) => void choose(e)}
          disabled={pending}
          aria-describedby={`${id}-status`}
        />
        <p className="hint" id={`${id}-status`} aria-live="polite">
          {pending ? 'Importing…' : 'Choosing a file imports it at once.'}
        </p>
      </div>
      <FormError message={error} />
    </div>
  );
}
