import type { Round } from '../../../../../common/wheel-rounds';
import { Link } from '../../../app/router';
import { formatDate, firstName } from '../../../ui/format';
import { usePm } from '../../people/pairs/use-pm';
import { StartRound } from './StartRound';

/** The round under way (each side's status, never scores), or a form to start one. */
export function CurrentRound({
  pmId,
  open,
  hasRounds,
  onStarted,
}: {
  pmId: string;
  open: Round | undefined;
  hasRounds: boolean;
  onStarted: () => void;
}) {
  const pm = usePm(pmId);
  if (!open) return <StartRound pmId={pmId} first={!hasRounds} onStarted={onStarted} />;
  const mine = open.viewerSide === 'self' ? open.self : open.viewerSide === 'coach' ? open.coachSide : null;
  const action =
    mine && !mine.submitted
      ? open.viewerSide === 'self'
        ? 'Fill in your self-assessment'
        : `Assess ${pm.first}`
      : 'Open the round';
  return (
    <div className="current-round">
      <p className="item-title">
        {open.title} <span className="badge">In progress</span>
      </p>
      <p className="item-meta">
        Started {formatDate(open.createdAt)} · {open.framework.name}, version {open.framework.version}
      </p>
      <ul className="side-status">
        <li>
          {pm.isMe ? 'Your self-assessment' : `${pm.first}'s self-assessment`}:{' '}
          <SideState submitted={open.self.submitted} />
        </li>
        <li>
          {open.viewerSide === 'coach' ? 'Your assessment' : `${firstName(open.coach.name)}'s assessment`}:{' '}
          <SideState submitted={open.coachSide.submitted} />
        </li>
        {open.peers && open.peers.invited > 0 && (
          <li>
            Peers: {open.peers.submitted} of {open.peers.invited} answered
          </li>
        )}
      </ul>
      <p className="hint">
        Scores stay hidden from the other side until both of you have submitted; then you both see the wheel.
      </p>
      <Link className="button button-primary" to={`/rounds/${open.id}`}>
        {action}
      </Link>
    </div>
  );
}

const SideState = ({ submitted }: { submitted: boolean }) => (
  <strong>{submitted ? 'submitted' : 'not submitted yet'}</strong>
);
