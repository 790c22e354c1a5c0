import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { Deps } from '../../../http/env.js';
import { announce } from '../../../live/bus.js';
import { appendUpdate, compact, fromBase64, loadInto, toBase64 } from './notes-document.js';
import { createNotesWriter } from './notes-writer.js';

/**
 * One room per coaching session with a live page open on this instance: the notes document
 * (loaded from the database when the first page opens, dropped when the last one closes) and
 * who is on the page (Yjs awareness). Every update a page sends is stored (in batches,
 * notes-writer.ts), then told to the other instances; what other instances tell is applied here and passed on to the pages.
 */

/** Whatever receives a room's updates: a page's connection. */
export interface Member {
  send(kind: 'notes' | 'presence', update: Uint8Array): void;
}

export interface Room {
  sessionId: string;
  doc: Y.Doc;
  awareness: Awareness;
  members: Set<Member>;
  ready: Promise<void>;
}

// Quiet time after which a room's updates are merged into one stored snapshot.
const COMPACT_AFTER_MS = 2000;

export function createRooms(deps: Deps) {
  const { db, log } = deps;
  const rooms = new Map<string, Room>();
  const timers = new Map<string, NodeJS.Timeout>();
  const writer = createNotesWriter(db, log);

  const compactSoon = (room: Room) => {
    clearTimeout(timers.get(room.sessionId));
    timers.set(
      room.sessionId,
      setTimeout(() => void compactRoom(room), COMPACT_AFTER_MS),
    );
  };

  /** The room's whole state is stored first: an update whose own insert failed is not lost. */
  const compactRoom = async (room: Room) => {
    timers.delete(room.sessionId);
    try {
      await writer.flush();
      await appendUpdate(db, room.sessionId, Y.encodeStateAsUpdate(room.doc));
      await compact(db, { id: room.sessionId, shared_notes: '' });
    } catch (error) {
      log.warn({ err: error }, 'the shared notes could not be compacted; they stay as separate updates');
    }
  };

  const open = (sessionId: string, sharedNotes: string): Room => {
    const existing = rooms.get(sessionId);
    if (existing) return existing;
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    awareness.setLocalState(null); // the server is on no page
    const room: Room = { sessionId, doc, awareness, members: new Set(), ready: Promise.resolve() };
    room.ready = loadInto(db, { id: sessionId, shared_notes: sharedNotes }, doc).then(() => undefined);
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      for (const member of room.members) if (member !== origin) member.send('notes', update);
      if (!isMember(room, origin)) return;
      // A page's change: stored with the others of the next 50 ms, then told to the other
      // instances (after it is stored, so one told only by a pointer finds it).
      writer.write(sessionId, update);
      compactSoon(room);
    });
    awareness.on(
      'update',
      ({ added, updated, removed }: Record<'added' | 'updated' | 'removed', number[]>, origin: unknown) => {
        const update = encodeAwarenessUpdate(awareness, [...added, ...updated, ...removed]);
        for (const member of room.members) member.send('presence', update);
        if (origin !== 'bus')
          void announce(db, { kind: 'presence', sessionId, update: toBase64(update) }, log);
      },
    );
    rooms.set(sessionId, room);
    return room;
  };

  const leave = async (room: Room, member: Member) => {
    room.members.delete(member);
    if (room.members.size || rooms.get(room.sessionId) !== room) return;
    rooms.delete(room.sessionId);
    clearTimeout(timers.get(room.sessionId));
    await room.ready.catch(() => undefined);
    await compactRoom(room);
    room.awareness.destroy();
    room.doc.destroy();
  };

  /** What another instance (or this one's API) told about a session's notes or presence. */
  const fromElsewhere = (sessionId: string, kind: 'notes' | 'presence', update?: string) => {
    const room = rooms.get(sessionId);
    if (!room) return;
    if (kind === 'presence' && update) applyAwarenessUpdate(room.awareness, fromBase64(update), 'bus');
    else if (kind === 'notes' && update) Y.applyUpdate(room.doc, fromBase64(update), 'bus');
    // Over NOTIFY's limit only the session is named: read what is stored.
    else if (kind === 'notes') void reload(room);
  };

  const reload = (room: Room) =>
    loadInto(db, { id: room.sessionId, shared_notes: '' }, room.doc, 'bus').catch((error: unknown) =>
      log.warn({ err: error }, 'the shared notes could not be reloaded'),
    );

  return {
    open,
    leave,
    fromElsewhere,
    /** Every open room reads what is stored again (events from other instances were missed). */
    resync: () => Promise.all([...rooms.values()].map(reload)),
    get: (sessionId: string) => rooms.get(sessionId),
    size: () => rooms.size,
    /** On shutdown: every room stored and compacted. */
    closeAll: async () => {
      await writer.flush();
      for (const room of [...rooms.values()]) {
        rooms.delete(room.sessionId);
        clearTimeout(timers.get(room.sessionId));
        await compactRoom(room);
        room.awareness.destroy();
        room.doc.destroy();
      }
    },
  };
}

const isMember = (room: Room, origin: unknown): origin is Member => room.members.has(origin as Member);

export type Rooms = ReturnType<typeof createRooms>;
