import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { applyAwarenessUpdate, encodeAwarenessUpdate, modifyAwarenessUpdate } from 'y-protocols/awareness';
import * as sync from 'y-protocols/sync';
import * as Y from 'yjs';
import type { Deps } from '../../../http/env.js';
import { AppError } from '../../../http/errors.js';
import { listenAcrossInstances, onLiveEvent, type LiveEvent } from '../../../live/bus.js';
import type { Actor } from '../../../privacy/actor.js';
import { findSession } from '../../people/auth/sessions.js';
import { liveAccess, liveView, openLiveSession } from './live-session.js';
import { createRooms, type Member, type Room } from './live-rooms.js';
import { fitsNotesLimit, NOTES_MAX } from './notes-limit.js';

/**
 * The coaching session's live page (decision 056): a WebSocket on the app's own port and origin,
 * signed in by the session cookie, allowed by the rules table exactly as reading the session.
 * Binary frames are y-protocols messages (0 sync, 1 awareness); text frames carry the session as
 * the viewer sees it after any change. Close codes the page puts in words:
 */
export const LIVE_CLOSE = {
  /** Refused or missing, signed out or not: all the same, like a 404. */
  notFound: 4404,
  /** Was allowed, no longer is (the pair ended, the person was removed or erased). */
  accessEnded: 4403,
  /** The browser's sign-in ended. */
  signedOut: 4401,
} as const;

const PATH = /^\/api\/live\/coaching-sessions\/([0-9a-f-]{36})$/;
const SYNC = 0;
const AWARENESS = 1;
const RECHECK_EVERY_MS = 30_000;

interface Connection extends Member {
  ws: WebSocket;
  tokenHash: string;
  actor: Actor;
  pmId: string;
  side: 'pm' | 'coach';
  writable: boolean;
  room: Room;
  /** The awareness client ids this page announced (removed when it closes). */
  presenceIds: Set<number>;
}

const sessionCookie = (header: string | undefined, secure: boolean) => {
  const name = secure ? '__Host-wh_session' : 'wh_session';
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return null;
};

/** Same origin only: the public address, or the address the browser used to reach this port. */
const sameOrigin = (req: IncomingMessage, publicUrl: string) => {
  const origin = req.headers.origin;
  if (!origin) return false;
  const host = req.headers.host;
  return origin === new URL(publicUrl).origin || origin === `http://${host}` || origin === `https://${host}`;
};

const refuse = (socket: Duplex, status: string) => {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
};

/** Serves the live channel on the app's HTTP server; answers what shutdown and the bench need. */
export function attachLiveChannel(server: Server, deps: Deps) {
  const { db, log, config } = deps;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1 << 20 });
  const rooms = createRooms(deps);
  const connections = new Set<Connection>();
  const stopListening = listenAcrossInstances(db, config.databaseUrl, log);

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const id = PATH.exec(new URL(req.url ?? '/', 'http://x').pathname)?.[1];
    if (!id) return refuse(socket, '404 Not Found');
    if (!sameOrigin(req, config.publicUrl)) return refuse(socket, '403 Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => void accept(ws, req, id));
  };
  server.on('upgrade', onUpgrade);

  const accept = async (ws: WebSocket, req: IncomingMessage, sessionId: string) => {
    // Messages that arrive while the sign-in and the rules are checked wait for the answer.
    const waiting: RawData[] = [];
    let handle = (data: RawData) => void waiting.push(data);
    ws.on('message', (data) => handle(data));
    ws.on('error', () => ws.terminate());
    let opened;
    try {
      const token = sessionCookie(req.headers.cookie, config.secureCookies);
      const signedIn = token ? await findSession(db, token) : null;
      if (!signedIn) return ws.close(LIVE_CLOSE.notFound, 'not found');
      opened = await openLiveSession({
        db,
        actor: signedIn.actor,
        coachingSessionId: sessionId,
        now: deps.now(),
      });
      opened = { ...opened, tokenHash: signedIn.tokenHash, actor: signedIn.actor };
    } catch (error) {
      if (error instanceof AppError) return ws.close(LIVE_CLOSE.notFound, 'not found');
      log.warn({ err: error }, 'a live page could not be opened');
      return ws.close(1011, 'try again');
    }
    if (ws.readyState !== ws.OPEN) return;
    const room = rooms.open(sessionId, opened.row.shared_notes);
    const conn: Connection = {
      ws,
      tokenHash: opened.tokenHash,
      actor: opened.actor,
      pmId: opened.row.pm_id,
      side: opened.grant.side,
      writable: opened.writable,
      room,
      presenceIds: new Set(),
      send: (kind, update) => {
        const encoder = encoding.createEncoder();
        if (kind === 'notes') {
          encoding.writeVarUint(encoder, SYNC);
          sync.writeUpdate(encoder, update);
        } else {
          encoding.writeVarUint(encoder, AWARENESS);
          encoding.writeVarUint8Array(encoder, update);
        }
        sendBinary(ws, encoding.toUint8Array(encoder));
      },
    };
    room.members.add(conn);
    connections.add(conn);
    ws.on('close', () => {
      connections.delete(conn);
      if (conn.presenceIds.size) {
        const gone = [...conn.presenceIds];
        // States of a closed page: a null state, as its own awareness would send on leaving.
        const encoder = encodeAwarenessUpdate(room.awareness, gone);
        applyAwarenessUpdate(
          room.awareness,
          modifyAwarenessUpdate(encoder, () => null),
          conn,
        );
      }
      void rooms.leave(room, conn);
    });
    try {
      await room.ready;
    } catch (error) {
      log.warn({ err: error }, 'the shared notes could not be loaded');
      return ws.close(1011, 'try again');
    }
    ws.send(JSON.stringify({ type: 'session', session: opened.session, writable: conn.writable }));
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, SYNC);
    sync.writeSyncStep1(encoder, room.doc);
    sendBinary(ws, encoding.toUint8Array(encoder));
    const present = [...room.awareness.getStates().keys()];
    if (present.length) conn.send('presence', encodeAwarenessUpdate(room.awareness, present));
    handle = (data) => void receive(conn, data);
    for (const data of waiting.splice(0)) receive(conn, data);
  };

  const receive = (conn: Connection, data: RawData): void => {
    if (!(data instanceof Buffer)) {
      conn.ws.close(1003, 'binary messages only');
      return;
    }
    try {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      const type = decoding.readVarUint(decoder);
      if (type === SYNC) {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, SYNC);
        const step = decoding.peekVarUint(decoder);
        // A page that may only read (an earlier session shared by the PM) asks; it never writes.
        if (step === sync.messageYjsSyncStep1) sync.readSyncMessage(decoder, encoder, conn.room.doc, conn);
        else if (conn.writable) {
          decoding.readVarUint(decoder);
          const update = decoding.readVarUint8Array(decoder);
          // Over the limit: refused whole (the page starts again from the stored notes), so the
          // document never holds more than NOTES_MAX characters.
          if (fitsNotesLimit(conn.room.doc, update)) Y.applyUpdate(conn.room.doc, update, conn);
          else conn.ws.send(JSON.stringify({ type: 'refused', reason: 'notes-too-long', limit: NOTES_MAX }));
        }
        if (encoding.length(encoder) > 1) sendBinary(conn.ws, encoding.toUint8Array(encoder));
      } else if (type === AWARENESS) {
        // Presence names the person the server knows, whatever the page says.
        const user = { name: conn.actor.name, side: conn.side };
        const update = modifyAwarenessUpdate(decoding.readVarUint8Array(decoder), (state) =>
          state === null ? null : { ...(state as object), user },
        );
        for (const id of awarenessClients(update)) conn.presenceIds.add(id);
        applyAwarenessUpdate(conn.room.awareness, update, conn);
      }
    } catch (error) {
      log.debug({ err: error }, 'a live message could not be read');
      conn.ws.close(1007, 'unreadable message');
    }
  };

  /** Checks a page's access again; closes it, with its reason, when it ended. */
  const recheck = async (conn: Connection, pushView: boolean) => {
    try {
      const still = await db
        .selectFrom('sessions')
        .select('token_hash')
        .where('token_hash', '=', conn.tokenHash)
        .executeTakeFirst();
      if (!still) return conn.ws.close(LIVE_CLOSE.signedOut, 'signed out');
      const call = { db, actor: conn.actor, coachingSessionId: conn.room.sessionId, now: deps.now() };
      if (pushView) {
        const view = await liveView(call);
        conn.writable = view.writable;
        conn.ws.send(JSON.stringify({ type: 'session', session: view.session, writable: view.writable }));
      } else conn.writable = (await liveAccess(call)).writable;
    } catch (error) {
      if (error instanceof AppError) conn.ws.close(LIVE_CLOSE.accessEnded, 'access ended');
      else log.warn({ err: error }, 'a live page could not be checked again');
    }
  };

  const onEvent = (event: LiveEvent) => {
    if (event.kind === 'notes' || event.kind === 'presence')
      rooms.fromElsewhere(event.sessionId, event.kind, event.update);
    else if (event.kind === 'changed')
      for (const conn of rooms.get(event.sessionId)?.members ?? []) void recheck(conn as Connection, true);
    else if (event.kind === 'recheck')
      for (const conn of connections) {
        if (event.people.includes(conn.actor.id) || event.people.includes(conn.pmId))
          void recheck(conn, true);
      }
    else if (event.kind === 'resync') void rooms.resync();
  };
  const stopEvents = onLiveEvent(db, onEvent);
  // A safety net for what no event announces (a sign-in that expired, a member removed).
  const sweep = setInterval(() => {
    for (const conn of connections) void recheck(conn, false);
  }, RECHECK_EVERY_MS);
  sweep.unref();

  return {
    /** Open pages and documents on this instance (the bench reads them). */
    stats: () => ({ connections: connections.size, documents: rooms.size() }),
    close: async () => {
      server.off('upgrade', onUpgrade);
      clearInterval(sweep);
      stopEvents();
      for (const conn of connections) conn.ws.close(1001, 'server stopping');
      await rooms.closeAll();
      await stopListening();
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

export type LiveChannel = ReturnType<typeof attachLiveChannel>;

function sendBinary(ws: WebSocket, message: Uint8Array) {
  if (ws.readyState === ws.OPEN) ws.send(message);
}

/** The client ids an awareness update names. */
function awarenessClients(update: Uint8Array): number[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(decoding.readVarUint(decoder));
    decoding.readVarUint(decoder);
    decoding.readVarString(decoder);
  }
  return ids;
}
