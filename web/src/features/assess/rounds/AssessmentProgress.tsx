import type { SaveStatus } from './use-autosave';

/** The sticky bar over the form: how far along, and whether the draft is saved. */
export function AssessmentProgress({
  answered,
  total,
  status,
  onRetry,
}: {
  answered: number;
  total: number;
  status: SaveStatus;
  onRetry: () => void;
}) {
  return (
    <div className="assess-progress">
      <div className="assess-progress-count">
        <label htmlFor="assessment-progress">
          {answered} of {total} scored
        </label>
        <progress id="assessment-progress" max={total} value={answered} />
      </div>
      <p className={`save-status save-${status.state}`}>
        {status.state === 'saving' && 'Saving…'}
        {status.state === 'saved' && 'Saved'}
        {status.state === 'unsaved' && 'Unsaved changes'}
        {status.state === 'idle' && 'Draft: only you see it'}
        {status.state === 'failed' && (
          <>
            <span role="alert">Not saved: {status.message}</span>{' '}
            <button type="button" className="link-button" onClick={onRetry}>
              Try again
            </button>
          </>
        )}
      </p>
    </div>
  );
}
