import { useEffect, useState, useSyncExternalStore } from 'react';
import type { CoachingSession } from '../../../../../common/coaching-sessions';
import type { LiveConnection, LiveStatus } from './live-connection';

/**
 * The coaching session page's one read: the live connection (loaded on demand, with Yjs) sends
 * the session on opening (one access-log entry) and again after every change anyone makes.
 */
export function useLiveSession(coachingSessionId: string) {
  const [connection, setConnection] = useState<LiveConnection | null>(null);
  const [session, setSession] = useState<CoachingSession | null>(null);
  const [failed, setFailed] = useState(false);
  // A change the server refused (the notes' limit) lives only in this page's document: a new
  // connection with a fresh document takes the notes as stored, and the page says why.
  const [refused, setRefused] = useState(0);
  useEffect(() => {
    setSession(null);
    setRefused(0);
  }, [coachingSessionId]);
  useEffect(() => {
    let current: LiveConnection | null = null;
    let gone = false;
    import('./live-connection').then(
      ({ LiveConnection }) => {
        if (gone) return;
        current = new LiveConnection(coachingSessionId, setSession, () => setRefused((n) => n + 1));
        setConnection(current);
      },
      () => !gone && setFailed(true),
    );
    return () => {
      gone = true;
      current?.destroy();
      setConnection(null);
    };
  }, [coachingSessionId, refused]);
  const status = useSyncExternalStore(
    (listener) => connection?.subscribe(listener) ?? (() => {}),
    () => (connection ? `${connection.status}|${connection.writable}|${connection.others().join('\n')}` : ''),
  );
  const [state = 'connecting', writable, others = ''] = status.split('|');
  return {
    connection,
    session,
    /** A change this page made answers with the session at once. */
    setSession,
    status: (failed ? 'lost' : state) as LiveStatus,
    writable: writable === 'true',
    others: others ? others.split('\n') : [],
    /** The server refused words that would take the shared notes over their limit. */
    notesFull: refused > 0,
  };
}
