import type { RoundDetail } from '../../../../../common/wheel-rounds';
import { formatDate } from '../../../ui/format';

/** Before the reveal: who has submitted, never what. Nobody sees the other side's scores yet. */
export function Waiting({
  round,
  pmFirst,
  coachFirst,
}: {
  round: RoundDetail;
  pmFirst: string | null;
  coachFirst: string;
}) {
  const side = round.viewerSide;
  const mine = side === 'self' ? round.self : side === 'coach' ? round.coachSide : null;
  const waitingFor = [
    !round.self.submitted ? (pmFirst ?? 'you') : null,
    !round.coachSide.submitted ? (side === 'coach' ? 'you' : coachFirst) : null,
  ].filter(Boolean);
  return (
    <section className="card waiting" aria-labelledby="waiting-heading">
      <h2 id="waiting-heading">Waiting for {waitingFor.join(' and ')} to submit</h2>
      {mine?.submitted && <p>You submitted on {formatDate(mine.submittedAt!)}. Your answers are locked.</p>}
      <p>
        Scores stay hidden until both sides have submitted, so neither anchors on the other. Then you both see
        the wheel: where you agree, where you see things differently, and what changed since last time.
      </p>
    </section>
  );
}
