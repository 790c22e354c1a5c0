import * as Y from 'yjs';
import type { Db } from '../../../db/database.js';
import { lockRow } from '../../../db/lock.js';
import { seal, unseal } from '../../../crypto/sealed-fields.js';
import { newId, nowIso } from '../../../util.js';
import { announce } from '../../../live/bus.js';

/**
 * The coaching session's shared notes as a Yjs document (decision 056). Every change is stored
 * as one update row (sealed); compaction merges a session's rows into one snapshot and writes the
 * plain text to coaching_sessions.shared_notes, where export, history and the agenda read it.
 * Yjs updates commute and applying one twice changes nothing, so rows need no order and two
 * instances compacting at once leave a correct (if not minimal) set of rows.
 */

/** The name of the Y.Text inside the document. */
export const NOTES_TEXT = 'notes';

export const toBase64 = (update: Uint8Array) => Buffer.from(update).toString('base64');
export const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

type SessionNotes = { id: string; shared_notes: string };

/** The stored rows of a session's document (none for a session from before the live page). */
async function storedRows(db: Db, sessionId: string) {
  const rows = await db
    .selectFrom('session_notes_updates')
    .select(['id', 'update_data'])
    .where('session_id', '=', sessionId)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    update: fromBase64(unseal(db, 'session_notes_updates.update_data', r.update_data)),
  }));
}

/**
 * A session's notes written before they were a document, as the update every instance makes
 * alike: a fixed client id and clock, so two instances seeding at once add the same text once.
 */
function seedUpdate(text: string): Uint8Array {
  const seed = new Y.Doc();
  seed.clientID = 0;
  seed.getText(NOTES_TEXT).insert(0, text);
  const update = Y.encodeStateAsUpdate(seed);
  seed.destroy();
  return update;
}

/** Applies everything stored for the session to `doc` (a fresh one, or one to bring up to date). */
export async function loadInto(db: Db, session: SessionNotes, doc: Y.Doc, origin: unknown = 'store') {
  const rows = await storedRows(db, session.id);
  applyStored(db, session, rows, doc, origin);
  // The seed is stored too, so later updates (which build on it) never stand without it.
  if (!rows.length && doc.getText(NOTES_TEXT).length)
    await appendUpdate(db, session.id, Y.encodeStateAsUpdate(doc));
  return doc;
}

function applyStored(
  db: Db,
  session: SessionNotes,
  rows: { update: Uint8Array }[],
  doc: Y.Doc,
  origin: unknown = 'store',
) {
  if (rows.length) Y.applyUpdate(doc, Y.mergeUpdates(rows.map((r) => r.update)), origin);
  else {
    const text = unseal(db, 'coaching_sessions.shared_notes', session.shared_notes);
    if (text) Y.applyUpdate(doc, seedUpdate(text), origin);
  }
}

/** Appends one update; answers the row's id (a pointer other instances can read it by). */
export async function appendUpdate(db: Db, sessionId: string, update: Uint8Array): Promise<string> {
  const id = newId();
  await db
    .insertInto('session_notes_updates')
    .values({
      id,
      session_id: sessionId,
      update_data: seal(db, 'session_notes_updates.update_data', toBase64(update)),
      created_at: nowIso(),
    })
    .execute();
  return id;
}

/**
 * Merges the session's stored updates into one snapshot row and writes the plain text; answers
 * the text. Under the session's row lock (PostgreSQL), so compactions of one session queue.
 */
export async function compact(db: Db, session: SessionNotes): Promise<string> {
  return db.transaction().execute(async (tx) => {
    await lockRow(tx, 'coaching_sessions', session.id);
    const rows = await storedRows(tx, session.id);
    const doc = new Y.Doc();
    applyStored(tx, session, rows, doc);
    const text = doc.getText(NOTES_TEXT).toString();
    const snapshot = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    if (rows.length)
      await tx
        .deleteFrom('session_notes_updates')
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
    if (rows.length || text) await appendUpdate(tx, session.id, snapshot);
    await tx
      .updateTable('coaching_sessions')
      .set({ shared_notes: seal(tx, 'coaching_sessions.shared_notes', text) })
      .where('id', '=', session.id)
      .execute();
    return text;
  });
}

/**
 * Turns `text` into `next` with the smallest change at one place (common start and end kept), so
 * a whole-text save from an older client merges with what others typed elsewhere meanwhile.
 */
export function replaceText(text: Y.Text, next: string) {
  const current = text.toString();
  let start = 0;
  while (start < current.length && start < next.length && current[start] === next[start]) start++;
  let end = 0;
  while (
    end < current.length - start &&
    end < next.length - start &&
    current[current.length - 1 - end] === next[next.length - 1 - end]
  )
    end++;
  const removed = current.length - start - end;
  if (removed > 0) text.delete(start, removed);
  const inserted = next.slice(start, next.length - end);
  if (inserted) text.insert(start, inserted);
}

/**
 * The notes replaced by a whole text (the API's PUT, older pages): the smallest change is stored,
 * sent to the live pages and compacted, so shared_notes holds the result when this returns.
 */
export async function replaceSharedNotes(db: Db, session: SessionNotes, body: string): Promise<string> {
  const doc = await loadInto(db, session, new Y.Doc());
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  replaceText(doc.getText(NOTES_TEXT), body);
  doc.destroy();
  if (updates.length) {
    const update = Y.mergeUpdates(updates);
    await appendUpdate(db, session.id, update);
    await announce(db, { kind: 'notes', sessionId: session.id, update: toBase64(update) });
  }
  return compact(db, session);
}
