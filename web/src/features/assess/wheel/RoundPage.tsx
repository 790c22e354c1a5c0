import type { RoundTraits } from '../../../../../common/round-traits';
import type { Assessment, Comparison, RoundDetail, RoundView } from '../../../../../common/wheel-rounds';
import { useAnnounce } from '../../../app/announcer';
import { NotFoundPage } from '../../../app/NotFoundPage';
import { Page } from '../../../app/Page';
import { Link } from '../../../app/router';
import { useResource } from '../../../app/use-resource';
import { firstName, formatDate } from '../../../ui/format';
import { Loaded } from '../../../ui/Loaded';
import { LoadError, Loading } from '../../../ui/Loading';
import { usePm } from '../../people/pairs/use-pm';
import { PeersSection } from '../peers/PeersSection';
import { AssessmentEditor } from '../rounds/AssessmentEditor';
import { TraitsStep } from '../rounds/TraitsStep';
import { Waiting } from '../rounds/Waiting';
import { ComparisonView } from './ComparisonView';
import { TraitsPanel } from './TraitsPanel';
import '../../../styles/wheel.css';
import '../../../styles/reflections.css';

/**
 * `/rounds/{id}`: your assessment to fill in, then "waiting for …", then the compared wheel. It
 * lives in wheel/ because it composes the round's parts (rounds/, peers/) with the comparison.
 */
export default function RoundPage({ roundId }: { roundId: string }) {
  // One read for the page (the round, and its compared wheel once revealed): one access-log entry.
  const view = useResource<RoundView>(`/api/rounds/${encodeURIComponent(roundId)}/view`);
  if (view.error && [400, 403, 404].includes(view.error.status)) return <NotFoundPage />;
  if (view.error) return <LoadError error={view.error} retry={view.reload} />;
  if (!view.data) return <Loading />;
  return (
    <RoundBody
      round={view.data.round}
      comparison={view.data.comparison}
      traits={view.data.traits}
      reload={view.reload}
    />
  );
}

/** One small way from a round to the journal, with the round attached. */
function ReflectLink({ round }: { round: RoundDetail }) {
  return (
    <p>
      <Link
        className="reflect-link"
        to={`/pms/${round.pmId}/reflections?about=${encodeURIComponent(`round:${round.id}`)}`}
      >
        Reflect on this round
      </Link>
    </p>
  );
}

function RoundBody({
  round,
  comparison,
  traits,
  reload,
}: {
  round: RoundDetail;
  comparison: Comparison | null;
  traits: RoundTraits;
  reload: () => void;
}) {
  const pm = usePm(round.pmId);
  const announce = useAnnounce();
  const side = round.viewerSide;
  const mine = side === 'self' ? round.self : side === 'coach' ? round.coachSide : null;
  const coach = firstName(round.coach.name);
  const other = side === 'self' ? coach : pm.first;
  const otherSubmitted = side === 'self' ? round.coachSide.submitted : round.self.submitted;
  const back = <Link to={`/pms/${round.pmId}/wheel`}>{pm.isMe ? 'Your wheel' : `${pm.first}'s wheel`}</Link>;

  if (round.status === 'revealed' && comparison) {
    return (
      <Page
        title={`${round.title}: ${pm.isMe ? 'your wheel' : `${pm.first}'s wheel`}`}
        lead={
          <>
            Compared on {formatDate(round.revealedAt!)} · {round.framework.name}, version{' '}
            {round.framework.version} · {back}
          </>
        }
      >
        <ComparisonView
          round={round}
          comparison={comparison}
          perspective={{ pm: pm.first, coach, viewerIsPm: side === 'self', viewerIsCoach: side === 'coach' }}
        />
        <TraitsPanel traits={traits} pmFirst={pm.first} coachFirst={coach} viewerIsPm={pm.isMe} />
        {side === 'self' && <PeersSection round={round} coach={coach} />}
        <ReflectLink round={round} />
      </Page>
    );
  }

  const editing = side !== null && mine !== null && !mine.submitted;
  const title = editing ? (side === 'self' ? 'Your self-assessment' : `Assess ${pm.first}`) : round.title;
  const lead = editing ? (
    <>
      {round.title} · {round.framework.name}, version {round.framework.version}. Saved as you go; only you see
      your draft. {otherSubmitted ? `${other} has already submitted.` : ''}
    </>
  ) : (
    <>
      Started {formatDate(round.createdAt)} · {back}
    </>
  );
  return (
    <Page title={title} lead={lead}>
      {editing && (
        <TraitsStep
          pmId={round.pmId}
          roundId={round.id}
          traits={traits}
          pmFirst={pm.isMe ? null : pm.first}
        />
      )}
      {editing ? (
        <EditAssessment
          round={round}
          pm={pm.first}
          onSubmitted={() => {
            announce(
              otherSubmitted
                ? 'Submitted. Both sides are in: here is the wheel.'
                : `Submitted. You'll see the wheel once ${other} submits.`,
            );
            reload();
          }}
        />
      ) : (
        <Waiting round={round} pmFirst={pm.isMe ? null : pm.first} coachFirst={coach} />
      )}
      {side === 'self' && <PeersSection round={round} coach={coach} />}
      <ReflectLink round={round} />
    </Page>
  );
}

/** Loads your draft, then the form. */
function EditAssessment({
  round,
  pm,
  onSubmitted,
}: {
  round: RoundDetail;
  pm: string;
  onSubmitted: () => void;
}) {
  const side = round.viewerSide!;
  const saved = useResource<Assessment>(`/api/rounds/${round.id}/assessments/${side}`);
  return (
    <Loaded resource={saved}>
      {(data) => (
        <AssessmentEditor round={round} side={side} saved={data} pm={pm} onSubmitted={onSubmitted} />
      )}
    </Loaded>
  );
}
