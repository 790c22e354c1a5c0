import type { Person } from '../../../../../common/schemas';
import type { Round } from '../../../../../common/wheel-rounds';
import { api } from '../../../api';
import { useAnnounce } from '../../../app/announcer';
import { useResource } from '../../../app/use-resource';
import { Button } from '../../../ui/Button';
import { FormError } from '../../../ui/FormError';
import { Section } from '../../../ui/Section';
import { useAction } from '../../../ui/use-action';

/**
 * For the PM: a round still open whose coach has left (decision 038). Close it without a reveal
 * (it stays in your list as closed), or hand it to a current coach, who assesses it afresh.
 */
export function StuckRounds({ pmId, coaches }: { pmId: string; coaches: Person[] }) {
  const rounds = useResource<Round[]>(`/api/pms/${encodeURIComponent(pmId)}/rounds`);
  const stuck = (rounds.data ?? []).filter((r) => r.coachLeft);
  if (!stuck.length) return null;
  return (
    <Section
      title="A round whose coach has left"
      intro="Its coach no longer coaches you, so it cannot be revealed as it is. Close it without a reveal (it stays in your list, nobody ever sees a comparison), or hand it to a current coach: they assess it afresh, your own answers stay."
    >
      {stuck.map((r) => (
        <StuckRound key={r.id} round={r} coaches={coaches} onDone={rounds.reload} />
      ))}
    </Section>
  );
}

function StuckRound({ round, coaches, onDone }: { round: Round; coaches: Person[]; onDone: () => void }) {
  const announce = useAnnounce();
  const close = useAction(() => api<Round>('POST', `/api/rounds/${encodeURIComponent(round.id)}/close`));
  const hand = useAction((coachId: string) =>
    api<Round>('POST', `/api/rounds/${encodeURIComponent(round.id)}/hand-over`, { coachId }),
  );
  const closeIt = async () => {
    if (!(await close.run())) return;
    onDone();
    announce(`“${round.title}” is closed without a reveal. You can start a new round.`);
  };
  const handIt = async (coach: Person) => {
    if (!(await hand.run(coach.id))) return;
    onDone();
    announce(`“${round.title}” is now ${coach.name}’s to assess.`);
  };
  return (
    <div className="list-item">
      <div className="item-main">
        <p className="item-title">{round.title}</p>
        <p className="item-meta">Assessed by {round.coach.name}, who no longer coaches you.</p>
      </div>
      <FormError message={close.error || hand.error} />
      <div className="actions">
        {coaches.map((c) => (
          <Button key={c.id} variant="secondary" onClick={() => void handIt(c)} pending={hand.pending}>
            Hand to {c.name}
          </Button>
        ))}
        <Button variant="danger" onClick={() => void closeIt()} pending={close.pending}>
          Close without a reveal
        </Button>
      </div>
    </div>
  );
}
