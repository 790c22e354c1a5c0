import type { Logger } from 'pino';
import * as Y from 'yjs';
import type { Db } from '../../../db/database.js';
import { seal } from '../../../crypto/sealed-fields.js';
import { announce } from '../../../live/bus.js';
import { newId, nowIso } from '../../../util.js';
import { toBase64 } from './notes-document.js';

/**
 * Stores the live pages' notes updates in batches (decision 063): every update that arrives
 * within WINDOW_MS, of any session, goes into one transaction, one row per session (its updates
 * merged). On SQLite (synchronous=FULL, a synchronous driver) each commit is an fsync that holds
 * the whole process, so one commit per keystroke capped a busy instance. An update is told to the
 * other instances only once its batch is committed; the pages on this instance already have it.
 */
const WINDOW_MS = 50;
// 200 rows × 4 columns stays well under SQLite's and PostgreSQL's parameter limits.
const ROWS_PER_INSERT = 200;

export function createNotesWriter(db: Db, log: Logger) {
  let pending = new Map<string, Uint8Array[]>();
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    const batch = pending;
    pending = new Map();
    if (!batch.size) return writing;
    // Batches commit one after another, so a session's rows are stored in the order they came.
    writing = writing.then(() => store(batch));
    return writing;
  };

  const store = async (batch: Map<string, Uint8Array[]>) => {
    const merged = [...batch].map(([sessionId, updates]) => ({
      sessionId,
      update: updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates),
    }));
    try {
      const at = nowIso();
      await db.transaction().execute(async (tx) => {
        for (let i = 0; i < merged.length; i += ROWS_PER_INSERT)
          await tx
            .insertInto('session_notes_updates')
            .values(
              merged.slice(i, i + ROWS_PER_INSERT).map(({ sessionId, update }) => ({
                id: newId(),
                session_id: sessionId,
                update_data: seal(tx, 'session_notes_updates.update_data', toBase64(update)),
                created_at: at,
              })),
            )
            .execute();
      });
    } catch (error) {
      // The rooms still hold these updates: the next compaction stores their whole state.
      log.warn({ err: error }, 'notes updates could not be stored yet');
      return;
    }
    for (const { sessionId, update } of merged)
      await announce(db, { kind: 'notes', sessionId, update: toBase64(update) }, log);
  };

  return {
    /** Queues a page's update; it is stored within WINDOW_MS. */
    write(sessionId: string, update: Uint8Array) {
      const updates = pending.get(sessionId);
      if (updates) updates.push(update);
      else pending.set(sessionId, [update]);
      timer ??= setTimeout(() => void flush(), WINDOW_MS);
    },
    /** Stores what is queued now (before a compaction or shutdown); resolves when it is committed. */
    flush,
  };
}

export type NotesWriter = ReturnType<typeof createNotesWriter>;
