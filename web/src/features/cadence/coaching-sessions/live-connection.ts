import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import * as sync from 'y-protocols/sync';
import * as Y from 'yjs';
import type { CoachingSession } from '../../../../../common/coaching-sessions';

/**
 * The live page's connection (loaded on demand, with Yjs): one WebSocket to the server for the
 * shared notes (a Y.Doc), who else is on the page, and the session after every change. The
 * document outlives the socket: what is typed while the connection is lost stays in it and is
 * sent when it is back (decision 056).
 */

export type LiveStatus = 'connecting' | 'live' | 'lost' | 'not-found' | 'access-ended' | 'signed-out';

// The server's close codes (server/features/cadence/coaching-sessions/live-channel.ts).
const FINAL: Record<number, LiveStatus> = { 4404: 'not-found', 4403: 'access-ended', 4401: 'signed-out' };
const SYNC = 0;
const AWARENESS = 1;

export class LiveConnection {
  readonly doc = new Y.Doc();
  readonly text = this.doc.getText('notes');
  readonly awareness = new Awareness(this.doc);
  status: LiveStatus = 'connecting';
  /** May change the notes (the server says; false until it has). */
  writable = false;
  private ws: WebSocket | null = null;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private attempts = 0;
  private stopped = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly sessionId: string,
    private readonly onSession: (session: CoachingSession) => void,
    /** The server refused this page's last change (the notes' limit): start again from the stored notes. */
    private readonly onRefused: () => void = () => {},
  ) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.send(SYNC, (e) => sync.writeUpdate(e, update));
    });
    this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>) => {
      const update = encodeAwarenessUpdate(this.awareness, [...added!, ...updated!, ...removed!]);
      this.send(AWARENESS, (e) => encoding.writeVarUint8Array(e, update));
      this.changed();
    });
    this.awareness.setLocalState({ here: true });
    window.addEventListener('offline', this.offline);
    window.addEventListener('online', this.online);
    this.connect();
  }

  /** Re-renders whoever shows the connection (status, presence, notes). */
  subscribe(listener: () => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** The names of the other people on the page now (the server stamps each with who they are). */
  others(): string[] {
    const names = new Set<string>();
    for (const [client, state] of this.awareness.getStates()) {
      const user = (state as { user?: { name: string } }).user;
      if (client !== this.doc.clientID && user) names.add(user.name);
    }
    return [...names];
  }

  destroy() {
    this.stopped = true;
    clearTimeout(this.retry);
    window.removeEventListener('offline', this.offline);
    window.removeEventListener('online', this.online);
    this.ws?.close();
    this.awareness.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }

  private changed() {
    for (const listener of this.listeners) listener();
  }

  private setStatus(status: LiveStatus) {
    this.status = status;
    this.changed();
  }

  private connect() {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const ws = new WebSocket(`${scheme}://${location.host}/api/live/coaching-sessions/${this.sessionId}`);
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    ws.onopen = () => {
      this.send(SYNC, (e) => sync.writeSyncStep1(e, this.doc));
      const update = encodeAwarenessUpdate(this.awareness, [this.doc.clientID]);
      this.send(AWARENESS, (e) => encoding.writeVarUint8Array(e, update));
    };
    ws.onmessage = (message: MessageEvent<string | ArrayBuffer>) => {
      if (typeof message.data === 'string') {
        const data = JSON.parse(message.data) as
          { type: 'session'; session: CoachingSession; writable: boolean } | { type: 'refused' };
        if (data.type === 'refused') return this.onRefused();
        this.writable = data.writable;
        this.attempts = 0;
        if (this.status !== 'live') this.setStatus('live');
        this.onSession(data.session);
        return;
      }
      this.receive(new Uint8Array(message.data));
    };
    ws.onclose = (event) => {
      if (this.ws !== ws || this.stopped) return;
      const final = FINAL[event.code];
      this.lost(final);
      if (!final) {
        this.attempts++;
        this.retry = setTimeout(() => this.connect(), Math.min(5000, 500 * this.attempts));
      }
    };
  }

  /** The socket is gone: others' presence is unknown until the server sends it again. */
  private lost(final?: LiveStatus) {
    const ws = this.ws;
    this.ws = null;
    if (ws) {
      ws.onclose = null;
      ws.close();
    }
    const others = [...this.awareness.getStates().keys()].filter((c) => c !== this.doc.clientID);
    if (others.length) removeAwarenessStates(this.awareness, others, this);
    this.setStatus(final ?? 'lost');
  }

  private receive(data: Uint8Array) {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === SYNC) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, SYNC);
      sync.readSyncMessage(decoder, encoder, this.doc, this);
      if (encoding.length(encoder) > 1) this.ws?.send(encoding.toUint8Array(encoder));
    } else if (type === AWARENESS) {
      applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this);
    }
  }

  private send(type: number, write: (encoder: encoding.Encoder) => void) {
    if (this.ws?.readyState !== WebSocket.OPEN) return; // kept in the document until back
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, type);
    write(encoder);
    this.ws.send(encoding.toUint8Array(encoder));
  }

  // The browser knows it is offline: say so now, not when the socket times out; try again when
  // it is back online.
  private readonly offline = () => {
    if (this.stopped || this.status !== 'live') return;
    clearTimeout(this.retry);
    this.lost();
  };
  private readonly online = () => {
    if (this.stopped || this.ws || this.status !== 'lost') return;
    clearTimeout(this.retry);
    this.connect();
  };
}
