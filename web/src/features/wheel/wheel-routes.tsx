import { lazy } from 'react';
import type { Me } from '../../../../common/schemas';

// The wheel's pages load on demand: the first load of the app stays small.
const FrameworksPage = lazy(() => import('../frameworks/FrameworksPage'));
const FrameworkPage = lazy(() => import('../frameworks/FrameworkPage'));
const FrameworkEditorPage = lazy(() => import('../frameworks/FrameworkEditorPage'));
const WheelPage = lazy(() => import('./WheelPage'));
const RoundPage = lazy(() => import('../rounds/RoundPage'));
const PeerReviewPage = lazy(() => import('../peers/PeerReviewPage'));

/** The page for a wheel path (frameworks, a PM's wheel, a round, a peer's link), or null. */
export function wheelPage(path: string, me: Me | null) {
  const peer = /^\/peer\/([^/]+)$/.exec(path);
  if (peer) return <PeerReviewPage token={peer[1]!} />;
  if (!me) return null;
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
  const wheel = /^\/pms\/([^/]+)\/wheel$/.exec(path);
  if (wheel) return <WheelPage pmId={wheel[1]!} />;
  const round = /^\/rounds\/([^/]+)$/.exec(path);
  if (round) return <RoundPage key={round[1]} roundId={round[1]!} />;
  return null;
}
