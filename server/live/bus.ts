import { createRequire } from 'node:module';
import { sql } from 'kysely';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import { isPostgres } from '../db/dialect.js';
import { newId } from '../util.js';

/**
 * What one instance tells the live pages of every instance (decision 056). On PostgreSQL the
 * events travel by NOTIFY on one channel, so instances over one database see each other's
 * changes; on SQLite (one instance) they stay in the process. The sender's own pages hear an
 * event at once, without the round trip.
 */
export type LiveEvent =
  /** A change to a session's notes: the Yjs update inline, or (over NOTIFY's limit) only the session to reload. */
  | { kind: 'notes'; sessionId: string; update?: string }
  /** Presence (Yjs awareness) of a session's page. */
  | { kind: 'presence'; sessionId: string; update: string }
  /** Something else of the session changed (agenda, colours, next steps, start, end). */
  | { kind: 'changed'; sessionId: string }
  /** Access may have ended for these people (a pair ended, a sign-out, an erasure): check again. */
  | { kind: 'recheck'; people: string[] }
  /** This instance missed NOTIFYs (its listening connection broke): bring everything up to date. */
  | { kind: 'resync' };

type Listener = (event: LiveEvent) => void;
interface Bus {
  origin: string;
  listeners: Set<Listener>;
}

const CHANNEL = 'wheelhouse_live';
// NOTIFY's payload limit is 8000 bytes; the envelope takes the rest.
const NOTIFY_MAX = 7800;
const buses = new WeakMap<Db, Bus>();

function busOf(db: Db): Bus {
  let bus = buses.get(db);
  if (!bus) {
    bus = { origin: newId(), listeners: new Set() };
    buses.set(db, bus);
  }
  return bus;
}

/** Hears every live event of this instance's database (its own and other instances'). */
export function onLiveEvent(db: Db, listener: Listener): () => void {
  const bus = busOf(db);
  bus.listeners.add(listener);
  return () => bus.listeners.delete(listener);
}

const deliver = (bus: Bus, event: LiveEvent) => {
  for (const listener of bus.listeners) listener(event);
};

/**
 * Tells every live page of every instance. `db` is the instance's own handle (not a
 * transaction): call it after the change committed. A failed NOTIFY is logged, never thrown: the
 * change itself is saved, and pages catch up on their next sync.
 */
export async function announce(db: Db, event: LiveEvent, log?: Logger): Promise<void> {
  const bus = busOf(db);
  deliver(bus, event);
  if (!isPostgres(db)) return;
  let payload = JSON.stringify({ origin: bus.origin, event });
  if (payload.length > NOTIFY_MAX) {
    if (event.kind !== 'notes') return; // presence is small; anything else is too
    payload = JSON.stringify({ origin: bus.origin, event: { kind: 'notes', sessionId: event.sessionId } });
  }
  try {
    await sql`select pg_notify(${CHANNEL}, ${payload})`.execute(db);
  } catch (error) {
    log?.warn({ err: error }, 'a live event could not be sent to other instances');
  }
}

const load = createRequire(import.meta.url);

/**
 * PostgreSQL: LISTENs on one connection of its own and hands other instances' events to this
 * instance's listeners. A broken connection is opened again after a second, and a `resync`
 * tells the pages' documents to reload what they may have missed. Answers the stop function.
 */
export function listenAcrossInstances(db: Db, url: string, log: Logger): () => Promise<void> {
  if (!isPostgres(db)) return async () => {};
  const bus = busOf(db);
  const { Client } = load('pg') as typeof pg;
  let client: pg.Client | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const connect = async () => {
    const next = new Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      const { origin, event } = JSON.parse(message.payload) as { origin: string; event: LiveEvent };
      if (origin !== bus.origin) deliver(bus, event);
    });
    const retry = () => {
      if (stopped || client !== next) return;
      client = null;
      next.removeAllListeners('error');
      next.on('error', () => {});
      void next.end().catch(() => undefined);
      timer = setTimeout(() => void connect(), 1000);
    };
    next.on('error', retry);
    next.on('end', retry);
    client = next;
    try {
      await next.connect();
      await next.query(`listen ${CHANNEL}`);
      deliver(bus, { kind: 'resync' });
    } catch (error) {
      log.warn({ err: error }, 'live events from other instances: listening failed, trying again');
      retry();
    }
  };
  void connect();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    const last = client;
    client = null;
    await last?.end().catch(() => undefined);
  };
}
