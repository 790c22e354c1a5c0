import type { ApiError } from '../api';

/** A quiet placeholder while a section loads. */
export function Loading({ what = 'Loading…' }: { what?: string }) {
  return (
    <p className="loading" aria-live="polite">
      {what}
    </p>
  );
}

/** A section that could not load, with a way to try again. */
export function LoadError({ error, retry }: { error: ApiError; retry: () => void }) {
  return (
    <div role="alert" className="load-error">
      <p>{error.message}</p>
      <button type="button" className="button button-secondary" onClick={retry}>
        Try again
      </button>
    </div>
  );
}
