import { reloadToNewVersion, useWaitingVersion } from './service-worker';

/** "A new version is ready": shown when a deploy is waiting; reloading is the person's choice. */
export function UpdatePrompt() {
  const waiting = useWaitingVersion();
  // The live region is always there, so screen readers read the message when it appears.
  return (
    <div role="status">
      {waiting && (
        <div className="update-prompt">
          <p>A new version is ready.</p>
          <button type="button" className="button button-primary" onClick={reloadToNewVersion}>
            Reload
          </button>
        </div>
      )}
    </div>
  );
}
