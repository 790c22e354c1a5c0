import { lazy } from 'react';
import type { SessionState } from '../../../common/schemas';
import { NotFoundPage } from './NotFoundPage';

// The one place that maps paths to the feature pages. Every page loads on demand, keeping the
// entry chunk to the frame (decision 065); sign-in and home too, so a first visit to sign in
// does not download home, and home does not download sign-in.
const SignInPage = lazy(() =>
  import('../features/people/auth/SignInPage').then((m) => ({ default: m.SignInPage })),
);
const HomePage = lazy(() =>
  import('../features/people/home/HomePage').then((m) => ({ default: m.HomePage })),
);
const SetupPage = lazy(() => import('../features/people/setup/SetupPage'));
const InvitePage = lazy(() => import('../features/people/invitations/InvitePage'));
const AdminPage = lazy(() => import('../features/people/members/AdminPage'));
const AccessLogPage = lazy(() => import('../features/rights/access-log/AccessLogPage'));
const AccountPage = lazy(() => import('../features/people/auth/AccountPage'));
const PmOverviewPage = lazy(() => import('../features/people/pms/PmOverviewPage'));
const FrameworksPage = lazy(() => import('../features/define-good/frameworks/FrameworksPage'));
const FrameworkPage = lazy(() => import('../features/define-good/frameworks/FrameworkPage'));
const FrameworkEditorPage = lazy(() => import('../features/define-good/frameworks/FrameworkEditorPage'));
const WheelPage = lazy(() => import('../features/assess/wheel/WheelPage'));
const RoundPage = lazy(() => import('../features/assess/wheel/RoundPage'));
const SelfChecksPage = lazy(() => import('../features/assess/self-checks/SelfChecksPage'));
const PeerReviewPage = lazy(() => import('../features/assess/peers/PeerReviewPage'));
const PlanPage = lazy(() => import('../features/plan/plans/PlanPage'));
const PlanVersionPage = lazy(() => import('../features/plan/plans/PlanVersionPage'));
const VisionPage = lazy(() => import('../features/plan/visions/VisionPage'));
const CheckInPage = lazy(() => import('../features/cadence/check-ins/CheckInPage'));
const TimelinePage = lazy(() => import('../features/cadence/timeline/TimelinePage'));
const QuestionBankPage = lazy(() => import('../features/define-good/questions/QuestionBankPage'));
const CoachingSessionsPage = lazy(() => import('../features/cadence/coaching-sessions/CoachingSessionsPage'));
const CoachingSessionPage = lazy(() => import('../features/cadence/coaching-sessions/CoachingSessionPage'));
const InsightsPage = lazy(() => import('../features/people/insights/InsightsPage'));
const NudgesPage = lazy(() => import('../features/cadence/nudges/NudgesPage'));
const ReflectionsPage = lazy(() => import('../features/cadence/reflections/ReflectionsPage'));
const InboxPage = lazy(() => import('../features/cadence/deliveries/InboxPage'));
const NotificationsPage = lazy(() => import('../features/cadence/deliveries/NotificationsPage'));
const ErasePage = lazy(() => import('../features/rights/erasure/ErasePage'));
const ErasedPage = lazy(() => import('../features/rights/erasure/ErasedPage'));
const ForgotPasswordPage = lazy(() => import('../features/people/password-reset/ForgotPasswordPage'));
const ResetPasswordPage = lazy(() => import('../features/people/password-reset/ResetPasswordPage'));

/** The page for a path, given who is signed in (a signed-out person reaches sign-in, setup, invitations and peer links). */
export function pageFor(path: string, state: SessionState) {
  // Someone exploring the demo before setup uses the app, and reaches setup from the demo notice;
  // /sign-in stays reachable for the password `npm run demo` prints.
  if (state.setupNeeded && ((!state.me && path !== '/sign-in') || path === '/setup')) return <SetupPage />;
  const invite = /^\/invite\/([^/]+)$/.exec(path);
  if (invite) return <InvitePage token={invite[1]!} />;
  const peer = /^\/peer\/([^/]+)$/.exec(path);
  if (peer) return <PeerReviewPage token={peer[1]!} />;
  if (path === '/account/erased' && !state.me) return <ErasedPage />;
  if (path === '/forgot-password') return <ForgotPasswordPage />;
  const reset = /^\/reset-password\/([^/]+)$/.exec(path);
  if (reset) return <ResetPasswordPage token={reset[1]!} />;
  const me = state.me;
  if (!me) return <SignInPage />;
  if (path === '/' || path === '/sign-in') return <HomePage />;
  if (path === '/account') return <AccountPage />;
  if (path === '/account/notifications') return <NotificationsPage />;
  if (path === '/account/erase') return <ErasePage />;
  if (path === '/inbox') return <InboxPage />;
  if (path === '/access-log') return <AccessLogPage />;
  if (path === '/questions') return <QuestionBankPage />;
  if (path === '/insights') return <InsightsPage />;
  if (path === '/admin' && me.isAdmin) return <AdminPage />;
  return (
    wheelPage(path) ?? planPage(path) ?? coachingSessionPage(path) ?? nudgePage(path) ?? <NotFoundPage />
  );
}

/** A PM's nudges (`/pms/{id}/nudges`). */
function nudgePage(path: string) {
  const match = /^\/pms\/([^/]+)\/nudges$/.exec(path);
  return match ? <NudgesPage key={match[1]} pmId={match[1]!} /> : null;
}

/** A pair's coaching sessions (`/pms/{id}/coaching-sessions`) and one coaching session. */
function coachingSessionPage(path: string) {
  const list = /^\/pms\/([^/]+)\/coaching-sessions$/.exec(path);
  if (list) return <CoachingSessionsPage key={list[1]} pmId={list[1]!} />;
  const one = /^\/coaching-sessions\/([^/]+)$/.exec(path);
  if (one) return <CoachingSessionPage key={one[1]} coachingSessionId={one[1]!} />;
  return null;
}

/** Frameworks, a PM's overview and wheel, a round. */
function wheelPage(path: string) {
  if (path === '/frameworks') return <FrameworksPage />;
  const framework = /^\/frameworks\/([^/]+)(?:\/(edit)|\/versions\/(\d+))?$/.exec(path);
  if (framework) {
    if (framework[2]) return <FrameworkEditorPage frameworkId={framework[1]!} />;
    return (
      <FrameworkPage
        key={path}
        frameworkId={framework[1]!}
        version={framework[3] ? Number(framework[3]) : undefined}
      />
    );
  }
  const pm = /^\/pms\/([^/]+)$/.exec(path);
  if (pm) return <PmOverviewPage pmId={pm[1]!} />;
  const story = /^\/pms\/([^/]+)\/(check-in|timeline)$/.exec(path);
  if (story)
    return story[2] === 'check-in' ? (
      <CheckInPage pmId={story[1]!} />
    ) : (
      <TimelinePage key={story[1]} pmId={story[1]!} />
    );
  const journal = /^\/pms\/([^/]+)\/reflections$/.exec(path);
  if (journal) return <ReflectionsPage key={journal[1]} pmId={journal[1]!} />;
  const selfChecks = /^\/pms\/([^/]+)\/self-checks$/.exec(path);
  if (selfChecks) return <SelfChecksPage key={selfChecks[1]} pmId={selfChecks[1]!} />;
  const wheel = /^\/pms\/([^/]+)\/wheel$/.exec(path);
  if (wheel) return <WheelPage pmId={wheel[1]!} />;
  const round = /^\/rounds\/([^/]+)$/.exec(path);
  if (round) return <RoundPage key={round[1]} roundId={round[1]!} />;
  return null;
}

/** A PM's plan (`/pms/{id}/plan`, `/plan/versions/{n}`) and shared vision (`/vision`). */
function planPage(path: string) {
  const match = /^\/pms\/([^/]+)\/(plan|vision)(?:\/versions\/(\d+))?$/.exec(path);
  if (!match) return null;
  const [, pmId, page, version] = match as unknown as [string, string, string, string | undefined];
  if (page === 'vision') return version ? null : <VisionPage key={pmId} pmId={pmId} />;
  if (version) return <PlanVersionPage key={path} pmId={pmId} version={Number(version)} />;
  return <PlanPage key={pmId} pmId={pmId} />;
}
