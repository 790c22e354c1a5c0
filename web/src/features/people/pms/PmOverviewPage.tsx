import type { Person } from '../../../../../common/schemas';
import { NotFoundPage } from '../../../app/NotFoundPage';
import { Page } from '../../../app/Page';
import { Link } from '../../../app/router';
import { useResource } from '../../../app/use-resource';
import { EmptyState } from '../../../ui/EmptyState';
import { formatDate } from '../../../ui/format';
import { LoadError, Loading } from '../../../ui/Loading';
import { Section } from '../../../ui/Section';
import { ExportSection } from '../../rights/export/ExportSection';
import { HistoryGrantSection } from '../../rights/history-grants/HistoryGrantSection';
import { StuckRounds } from '../../rights/history-grants/StuckRounds';
import { NudgesSection } from '../../cadence/nudges/NudgesSection';
import { SuggestedQuestions } from '../../define-good/questions/SuggestedQuestions';

interface PmOverview {
  pm: Person;
  coaches: (Person & { since: string })[];
  viewerRelation: 'pm' | 'coach';
}

/** `/pms/{id}`: a PM's coaching overview, for the PM and their current coaches only. */
export default function PmOverviewPage({ pmId }: { pmId: string }) {
  const overview = useResource<PmOverview>(`/api/pms/${encodeURIComponent(pmId)}`);
  // A refusal looks exactly like a missing page, as the server intends.
  if (overview.error && [400, 403, 404].includes(overview.error.status)) return <NotFoundPage />;
  if (overview.error) return <LoadError error={overview.error} retry={overview.reload} />;
  if (!overview.data) return <Loading />;
  const { pm, coaches, viewerRelation } = overview.data;
  const isPm = viewerRelation === 'pm';
  return (
    <Page
      title={isPm ? 'Your overview' : pm.name}
      lead={
        isPm
          ? 'Your coaching at a glance. Only you and your current coaches can open this page.'
          : `${pm.email} · You coach ${pm.name}. Only ${pm.name} and their current coaches can open this page.`
      }
    >
      <Section title={isPm ? 'Your coaches' : `${pm.name}'s coaches`}>
        {coaches.length === 0 ? (
          <EmptyState>
            <p>No one coaches {isPm ? 'you' : pm.name} right now.</p>
          </EmptyState>
        ) : (
          <ul className="list">
            {coaches.map((coach) => (
              <li key={coach.id} className="list-item">
                <div className="item-main">
                  <p className="item-title">{coach.name}</p>
                  <p className="item-meta">
                    {coach.email} · Coach since {formatDate(coach.since)}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section
        title="The wheel"
        intro={
          isPm
            ? 'Your assessment rounds: where you stand on each skill area, as you and your coach see it.'
            : `${pm.name}'s assessment rounds: where they stand, as they and you see it.`
        }
      >
        <p>
          <Link className="button button-primary" to={`/pms/${pm.id}/wheel`}>
            {isPm ? 'Open your wheel' : `Open ${pm.name}'s wheel`}
          </Link>
        </p>
      </Section>
      <Section
        title="Plan and shared vision"
        intro={
          isPm
            ? 'The development plan you write, and the next challenge and direction you and your coach agree on.'
            : `The plan ${pm.name} writes (you comment and suggest), and the vision you agree on together.`
        }
      >
        <p className="toolbar">
          <Link className="button button-primary" to={`/pms/${pm.id}/plan`}>
            {isPm ? 'Open your plan' : `Open ${pm.name}'s plan`}
          </Link>
          <Link className="button button-secondary" to={`/pms/${pm.id}/vision`}>
            Shared vision
          </Link>
        </p>
      </Section>
      <Section
        title="Coaching sessions"
        intro="The monthly conversation on the plan (or a lighter weekly check-in): agenda, red/amber/green per theme, notes and next steps."
      >
        <p>
          <Link className="button button-secondary" to={`/pms/${pm.id}/coaching-sessions`}>
            Coaching sessions
          </Link>
        </p>
      </Section>
      <Section title="Timeline" intro="Check-ins, pulses, wheel rounds, dips and plan changes, newest first.">
        <p>
          <Link className="button button-secondary" to={`/pms/${pm.id}/timeline`}>
            {isPm ? 'Open your timeline' : `Open ${pm.name}'s timeline`}
          </Link>
        </p>
      </Section>
      <HistoryGrantSection pmId={pm.id} />
      {isPm && <StuckRounds pmId={pm.id} coaches={coaches} />}
      <NudgesSection pmId={pm.id} pmName={pm.name} isPm={isPm} />
      <SuggestedQuestions pmId={pm.id} isPm={isPm} pmName={pm.name} />
      <ExportSection pmId={pm.id} pmName={pm.name} isPm={isPm} />
      {isPm && (
        <p className="hint">
          Every time someone opens this page it's recorded in <Link to="/access-log">your access log</Link>.
        </p>
      )}
    </Page>
  );
}
