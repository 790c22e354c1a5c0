import type { Plan } from '../../../../../common/plans';
import { NotFoundPage } from '../../../app/NotFoundPage';
import { Page } from '../../../app/Page';
import { Link } from '../../../app/router';
import { useResource } from '../../../app/use-resource';
import { formatDate, formatDateTime, firstName } from '../../../ui/format';
import { LoadError, Loading } from '../../../ui/Loading';
import { Section } from '../../../ui/Section';
import { usePm } from '../../people/pairs/use-pm';
import { ExportBar } from './ExportBar';
import { PlanDocument } from './PlanDocument';
import { formatDay } from './plan-words';
import '../../../styles/wheel.css';
import '../../../styles/plans.css';

/** `/pms/{id}/plan/versions/{n}`: one version of the plan as it was, read-only. */
export default function PlanVersionPage({ pmId, version }: { pmId: string; version: number }) {
  const pm = usePm(pmId);
  const res = useResource<Plan>(`/api/pms/${encodeURIComponent(pmId)}/plan/versions/${version}`);
  if (res.error && [400, 403, 404].includes(res.error.status)) return <NotFoundPage />;
  if (res.error) return <LoadError error={res.error} retry={res.reload} />;
  if (!res.data) return <Loading />;
  const plan = res.data;
  const whose = pm.isMe ? 'Your plan' : `${pm.first}'s plan`;
  const comments = plan.comments;
  const about = (themeId: string | null) => plan.themes.find((t) => t.id === themeId)?.title;
  return (
    <Page
      title={`${whose}, version ${plan.version}`}
      lead={
        plan.isCurrent
          ? 'This is the current version.'
          : `Read-only: this version ran from ${formatDate(plan.startedAt)} until ${plan.replacedAt ? formatDate(plan.replacedAt) : 'now'}, when a quarterly refresh replaced it.`
      }
    >
      <p className="no-print">
        <Link to={`/pms/${pmId}/plan`}>Back to the current plan</Link>
      </p>
      <ExportBar plan={plan} />
      <Section title="Headline and period">
        <p className="plan-headline">{plan.headline}</p>
        {plan.focus && <p>{plan.focus}</p>}
        <p className="item-meta">
          {formatDay(plan.periodStart)} – {formatDay(plan.periodEnd)}
        </p>
      </Section>
      <Section title={`Themes (${plan.themes.length})`}>
        <PlanDocument plan={plan} pmFirst={pm.first} empty={<p>This version had no themes.</p>} />
      </Section>
      {comments.length > 0 && (
        <Section title="Comments on this version">
          <ul className="comment-list">
            {comments.map((c) => (
              <li key={c.id} className={`comment ${c.private ? 'comment-private' : ''}`}>
                <p className="comment-meta">
                  <strong>{firstName(c.author.name)}</strong>
                  {about(c.themeId) && <> on “{about(c.themeId)}”</>} · {formatDateTime(c.createdAt)}
                  {c.private && <span className="badge badge-private">Private: only you see this</span>}
                </p>
                <p className="comment-body">{c.body}</p>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </Page>
  );
}
