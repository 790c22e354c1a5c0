import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as sync from 'y-protocols/sync';
import * as Y from 'yjs';
import type { Client } from './client.js';

/**
 * A coaching session's live page without a browser: a Y.Doc bound to the live channel as the web
 * page binds one (y-protocols sync and awareness in binary frames, the session as JSON text).
 */
export class LivePage {
  readonly awareness: awarenessProtocol.Awareness;
  readonly sessions: any[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly opened: Promise<void>;
  private constructor(
    readonly ws: WebSocket,
    readonly doc: Y.Doc,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.closed = new Promise((resolve) =>
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    this.opened = new Promise((resolve, reject) => {
      ws.on('open', () => resolve());
      ws.on('error', reject);
    });
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary) return void this.sessions.push(JSON.parse(data.toString()));
      const decoder = decoding.createDecoder(new Uint8Array(data));
      const type = decoding.readVarUint(decoder);
      if (type === 0) {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, 0);
        sync.readSyncMessage(decoder, encoder, this.doc, 'server');
        if (encoding.length(encoder) > 1) this.send(encoding.toUint8Array(encoder));
      } else if (type === 1)
        awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), 'server');
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'server') return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      sync.writeUpdate(encoder, update);
      this.send(encoding.toUint8Array(encoder));
    });
    this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      if (origin === 'server') return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint8Array(
        encoder,
        awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...added!, ...updated!, ...removed!]),
      );
      this.send(encoding.toUint8Array(encoder));
    });
    ws.on('open', () => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      sync.writeSyncStep1(encoder, this.doc);
      this.send(encoding.toUint8Array(encoder));
    });
  }

  /** Opens the page as `client` (their session cookie; the app's own origin unless told). */
  static open(
    baseUrl: string,
    client: Client | null,
    sessionId: string,
    origin = baseUrl,
    /** A reconnecting page keeps its document (and what was typed offline). */
    doc = new Y.Doc(),
  ) {
    const token = client?.cookie('wh_session');
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/live/coaching-sessions/${sessionId}`, {
      headers: { origin, ...(token ? { cookie: `wh_session=${token}` } : {}) },
    });
    return new LivePage(ws, doc);
  }

  get text() {
    return this.doc.getText('notes');
  }

  send(message: Uint8Array) {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(message);
  }

  /** Waits until `check` holds (polls every 10 ms), or fails after `ms`. */
  async until(check: () => boolean, ms = 1000, what = 'the page to change') {
    const end = Date.now() + ms;
    while (!check()) {
      if (Date.now() > end)
        throw new Error(`waited ${ms} ms for ${what}; notes are ${JSON.stringify(this.text.toString())}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** The first session message (the page's opening view). */
  async firstSession(ms = 3000) {
    await this.until(() => this.sessions.length > 0, ms, 'the session');
    return this.sessions[0];
  }

  close() {
    this.awareness.destroy();
    this.ws.close();
    return this.closed;
  }
}
