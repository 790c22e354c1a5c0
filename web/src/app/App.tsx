import { Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Me, SessionState } from '../../../common/schemas';
import { api, ApiError } from '../api';
import { InboxLink } from '../features/cadence/deliveries/InboxLink';
import { coachesIn, isPmIn, MyPairsProvider, useMyPairs } from '../features/people/pairs/my-pairs';
import { Loading } from '../ui/Loading';
import { removeDraftsExcept } from '../ui/autosave/drafts';
import { Announcer } from './announcer';
import { Layout } from './Layout';
import { navRoles } from './nav-roles';
import { usePath } from './router';
import { pageFor } from './routes';
import { SessionContext, type SessionValue } from './session';

/** Loads the session, then shows the page for the current path. */
export function App() {
  const [state, setState] = useState<SessionState | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const refresh = useCallback(async () => {
    try {
      setState(await api<SessionState>('GET', '/api/session'));
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('internal', 'Something went wrong.', 0));
    }
  }, []);
  useEffect(() => void refresh(), [refresh]);
  // Drafts belong to the person signed in: signed out, or someone else, and they are gone.
  const meId = state ? (state.me?.id ?? null) : undefined;
  useEffect(() => {
    if (meId !== undefined) removeDraftsExcept(window.localStorage, meId);
  }, [meId]);
  const path = usePath();
  const session = useMemo<SessionValue | null>(
    () => (state ? { state, setState, refresh } : null),
    [state, refresh],
  );

  if (!session) return <Starting error={error} retry={refresh} />;
  const me = session.state.me;
  return (
    <SessionContext.Provider value={session}>
      <MyPairsProvider key={me?.id ?? 'signed-out'} signedIn={me !== null}>
        <Announcer path={path}>
          <PairedLayout me={me}>
            <Suspense fallback={<Loading />}>{pageFor(path, session.state)}</Suspense>
          </PairedLayout>
        </Announcer>
      </MyPairsProvider>
    </SessionContext.Provider>
  );
}

/** The frame, told whether the person is coached: only a PM has a wheel, a plan and an access log. */
function PairedLayout({ me, children }: { me: Me | null; children: ReactNode }) {
  const { pairs } = useMyPairs();
  const known = me && pairs ? { isPm: isPmIn(pairs, me.id), coaches: coachesIn(pairs, me.id) } : null;
  const { isPm, coaches } = navRoles(me, known);
  return (
    <Layout isPm={isPm} coaches={coaches} inbox={me ? <InboxLink /> : undefined}>
      {children}
    </Layout>
  );
}

function Starting({ error, retry }: { error: ApiError | null; retry: () => void }) {
  if (!error) return <Loading what="Loading Wheelhouse…" />;
  return (
    <main className="main">
      <h1>Wheelhouse is not reachable</h1>
      <p role="alert">{error.message}</p>
      <button type="button" className="button button-primary" onClick={retry}>
        Try again
      </button>
    </main>
  );
}
