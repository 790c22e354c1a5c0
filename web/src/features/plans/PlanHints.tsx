import type { Plan } from '../../../../common/plans';
import type { Vision } from '../../../../common/visions';
import { useResource } from '../../app/use-resource';

/**
 * What needs attention in a PM's plan and vision, in a line for a home page: not started, a
 * refresh due, suggestions waiting, most of it from the coach, a vision proposal to accept.
 */
export function PlanHints({ pmId, pmFirst }: { pmId: string; pmFirst: string | null }) {
  const base = `/api/pms/${encodeURIComponent(pmId)}`;
  const plan = useResource<{ plan: Plan | null }>(`${base}/plan`);
  const vision = useResource<Vision>(`${base}/vision`);
  if (!plan.data || !vision.data)
    return (
      <p className="item-meta">{plan.error || vision.error ? 'Could not load the plan.' : 'Loading…'}</p>
    );
  const p = plan.data.plan;
  const isPm = pmFirst === null;
  const hints: string[] = [];
  if (!p)
    hints.push(
      isPm ? 'Not started yet: it starts from your wheel.' : `${pmFirst} has not started a plan yet.`,
    );
  else {
    const actions = p.themes.flatMap((t) => t.actions);
    hints.push(
      `“${p.headline}”: ${p.themes.length} ${p.themes.length === 1 ? 'theme' : 'themes'}, ${actions.filter((a) => a.status === 'done').length} of ${actions.length} actions done.`,
    );
    const waiting = p.suggestions.filter((s) => s.status === 'open').length;
    if (waiting > 0)
      hints.push(
        isPm
          ? `${waiting} ${waiting === 1 ? 'suggestion' : 'suggestions'} from your coach to accept or decline.`
          : `${waiting} of your suggestions open.`,
      );
    if (p.refreshDue) hints.push('A quarterly refresh is due.');
    if (p.ownership.manyFromCoach)
      hints.push(
        isPm
          ? 'Most of it came from your coach: make it yours.'
          : `Most of it came from you: invite ${pmFirst} to write it.`,
      );
  }
  if (vision.data.viewer.canAccept) hints.push('A shared vision proposal waits for your answer.');
  else if (vision.data.revisitDue) hints.push('Time to revisit the shared vision.');
  return <p className="item-meta">{hints.join(' ')}</p>;
}
