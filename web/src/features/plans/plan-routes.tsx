import { lazy } from 'react';
import type { Me } from '../../../../common/schemas';

// The plan and vision pages load on demand: the first load of the app stays small.
const PlanPage = lazy(() => import('./PlanPage'));
const PlanVersionPage = lazy(() => import('./PlanVersionPage'));
const VisionPage = lazy(() => import('../visions/VisionPage'));

/** The page for a plan or vision path (`/pms/{id}/plan`, `/plan/versions/{n}`, `/vision`), or null. */
export function planPage(path: string, me: Me | null) {
  if (!me) return null;
  const match = /^\/pms\/([^/]+)\/(plan|vision)(?:\/versions\/(\d+))?$/.exec(path);
  if (!match) return null;
  const [, pmId, page, version] = match as unknown as [string, string, string, string | undefined];
  if (page === 'vision') return version ? null : <VisionPage key={pmId} pmId={pmId} />;
  if (version) return <PlanVersionPage key={path} pmId={pmId} version={Number(version)} />;
  return <PlanPage key={pmId} pmId={pmId} />;
}
