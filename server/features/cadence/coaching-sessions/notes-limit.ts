import * as Y from 'yjs';
import { NOTES_TEXT } from './notes-document.js';

/** The shared notes' length limit: the same 20,000 characters the notes field always had. */
export const NOTES_MAX = 20_000;

/** The characters an update inserts, at most (it may also delete, or repeat what is known). */
function insertedAtMost(update: Uint8Array): number {
  let count = 0;
  for (const struct of Y.decodeUpdate(update).structs)
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentString)
      count += struct.content.str.length;
  return count;
}

/**
 * Whether `doc` stays within NOTES_MAX with `update` applied. Cheap for ordinary typing (the
 * text now plus what the update could add); only near the limit is the update tried on a copy.
 */
export function fitsNotesLimit(doc: Y.Doc, update: Uint8Array): boolean {
  if (doc.getText(NOTES_TEXT).length + insertedAtMost(update) <= NOTES_MAX) return true;
  const probe = new Y.Doc();
  try {
    Y.applyUpdate(probe, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(probe, update);
    return probe.getText(NOTES_TEXT).length <= NOTES_MAX;
  } finally {
    probe.destroy();
  }
}
