import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { SessionState } from '../../../common/schemas';
import { api, ApiError } from '../api';
import { SignInPage } from '../features/auth/SignInPage';
import { HomePage } from '../features/home/HomePage';
import { MyPairsProvider } from '../features/pairs/my-pairs';
import { planPage } from '../features/plans/plan-routes';
import { wheelPage } from '../features/wheel/wheel-routes';
import { Loading } from '../ui/Loading';
import { Announcer } from './announcer';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { usePath } from './router';
import { SessionContext, type SessionValue } from './session';

// Pages most visits never reach load on demand, keeping the first load small.
const SetupPage = lazy(() => import('../features/setup/SetupPage'));
const InvitePage = lazy(() => import('../features/invitations/InvitePage'));
const AdminPage = lazy(() => import('../features/members/AdminPage'));
const AccessLogPage = lazy(() => import('../features/access-log/AccessLogPage'));
const AccountPage = lazy(() => import('../features/auth/AccountPage'));
const PmOverviewPage = lazy(() => import('../features/pms/PmOverviewPage'));

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
          <Layout>
            <Suspense fallback={<Loading />}>{pageFor(path, session.state)}</Suspense>
          </Layout>
        </Announcer>
      </MyPairsProvider>
    </SessionContext.Provider>
  );
}

function pageFor(path: string, state: SessionState) {
  // Someone exploring the demo before setup uses the app, and reaches setup from the demo notice.
  if (state.setupNeeded && (!state.me || path === '/setup')) return <SetupPage />;
  const invite = /^\/invite\/([^/]+)$/.exec(path);
  if (invite) return <InvitePage token={invite[1]!} />;
  const me = state.me;
  const wheel = wheelPage(path, me);
  if (wheel) return wheel;
  const plan = planPage(path, me);
  if (plan) return plan;
  if (!me) return <SignInPage />;
  if (path === '/' || path === '/sign-in') return <HomePage />;
  if (path === '/account') return <AccountPage />;
  if (path === '/access-log') return <AccessLogPage />;
  if (path === '/admin' && me.isAdmin) return <AdminPage />;
  const pm = /^\/pms\/([^/]+)$/.exec(path);
  if (pm) return <PmOverviewPage pmId={pm[1]!} />;
  return <NotFoundPage />;
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
