/**
 * Which fields on the page hold words the server does not have, for the two ways of leaving:
 * closing or reloading the tab (the browser's own "Leave site?" question) and a link inside the
 * app (we ask; fields still saving are sent first and their drafts stay on this device anyway).
 */
interface Pending {
  dirty: boolean;
  /** Saving failed or is waiting for the person to choose between two texts. */
  stuck: boolean;
  flush: () => Promise<void>;
}

const fields = new Set<() => Pending>();

/** Registers a field; returns its unregister. */
export function trackUnsaved(field: () => Pending) {
  fields.add(field);
  return () => void fields.delete(field);
}

const current = () => [...fields].map((f) => f());

window.addEventListener('beforeunload', (event) => {
  if (!current().some((f) => f.dirty)) return;
  event.preventDefault();
  // Older browsers need returnValue set to show the question.
  event.returnValue = '';
});

// Back online: every field that could not save tries again.
window.addEventListener('online', () => current().forEach((f) => void f.flush()));

/** Before moving to another page in the app: true to go ahead. */
export function mayLeavePage(): boolean {
  const pending = current();
  pending.forEach((f) => void f.flush());
  if (!pending.some((f) => f.stuck)) return true;
  return window.confirm(
    'Some of your words are not saved yet. They stay on this device and are sent when you come back. Leave this page?',
  );
}
