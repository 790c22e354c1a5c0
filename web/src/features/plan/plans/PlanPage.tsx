import { useCallback, useMemo, useRef, useState } from 'react';
import type { Plan, PlanIdeas } from '../../../../../common/plans';
import { NotFoundPage } from '../../../app/NotFoundPage';
import { Page } from '../../../app/Page';
import { useMe } from '../../../app/session';
import { useResource } from '../../../app/use-resource';
import { EmptyState } from '../../../ui/EmptyState';
import { LoadError, Loading } from '../../../ui/Loading';
import { Section } from '../../../ui/Section';
import { PlanCoachingSection } from '../../cadence/coaching-sessions/CoachingSessionSections';
import { PlanNudges } from '../../cadence/nudges/PlanNudges';
import { usePm } from '../../people/pairs/use-pm';
import { PlanBody } from './PlanBody';
import { PlanContext, planCaller, type PlanScope } from './plan-context';
import { usePlanEditing } from './plan-editing';
import { StartPlan } from './StartPlan';
import '../../../styles/wheel.css';
import '../../../styles/plans.css';
import '../../../styles/reflections.css';

/** `/pms/{id}/plan`: the development plan the PM owns; their coaches read, comment and suggest. */
export default function PlanPage({ pmId }: { pmId: string }) {
  const pm = usePm(pmId);
  const me = useMe();
  const editing = usePlanEditing(me.id, pmId);
  const base = `/api/pms/${encodeURIComponent(pmId)}/plan`;
  const current = useResource<{ plan: Plan | null }>(base);
  const ideas = useResource<PlanIdeas>(`${base}/ideas`);
  const [changed, setChanged] = useState<Plan | null>(null);
  const call = useMemo(() => planCaller(pmId, setChanged), [pmId]);
  const focusKey = useRef<string | null>(null);
  const requestFocus = useCallback((key: string) => void (focusKey.current = key), []);
  const takeFocusRequest = useCallback((key: string) => {
    if (focusKey.current !== key) return false;
    focusKey.current = null;
    return true;
  }, []);
  const plan = changed ?? current.data?.plan ?? null;
  const scope: PlanScope | null = plan
    ? { pmId, pm, plan, ideas: ideas.data, call, requestFocus, takeFocusRequest, editing }
    : null;

  if (current.error && [400, 403, 404].includes(current.error.status)) return <NotFoundPage />;
  if (current.error) return <LoadError error={current.error} retry={current.reload} />;
  if (!current.data) return <Loading />;
  const title = pm.isMe ? 'Your development plan' : `${pm.name}'s development plan`;
  const lead = pm.isMe
    ? 'Yours to write: three to five themes for about six months. Your coach comments and suggests; you decide. Only you and your current coaches see it.'
    : `${pm.first} writes it; you comment and suggest, ${pm.first} decides. Only ${pm.first} and their current coaches see it.`;
  return (
    <Page title={title} lead={lead}>
      {scope ? (
        <PlanContext.Provider value={scope}>
          <PlanBody />
          <PlanCoachingSection pmId={pmId} />
          <PlanNudges pmId={pmId} pmName={pm.name} plan={plan} />
        </PlanContext.Provider>
      ) : pm.isMe ? (
        <StartPlan pmId={pmId} onStarted={setChanged} />
      ) : (
        <Section title="No plan yet">
          <EmptyState>
            <p>
              {pm.first} has not started a plan yet. The plan is theirs to write; once they start it, you can
              comment and suggest here.
            </p>
          </EmptyState>
        </Section>
      )}
    </Page>
  );
}
