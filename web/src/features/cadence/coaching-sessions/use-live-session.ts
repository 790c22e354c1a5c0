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
  useEffect(() => {
    let current: LiveConnection | null = null;
    let gone = false;
    setSession(null);
    import('./live-connection').then(
      ({ LiveConnection }) => {
        if (gone) return;
        current = new LiveConnection(coachingSessionId, setSession);
        setConnection(current);
      },
      () => !gone && setFailed(true),
    );
    return () => {
      gone = true;
      current?.destroy();
      setConnection(null);
    };
  }, [coachingSessionId]);
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
  };
}
