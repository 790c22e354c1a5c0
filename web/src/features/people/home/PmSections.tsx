import type { HomeSummary } from '../../../../../common/home';
import type { Pair } from '../../../../../common/schemas';
import type { Round } from '../../../../../common/wheel-rounds';
import type { PulseBoard } from '../../../../../common/check-ins';
import { pick, type Resource } from '../../../app/use-resource';
import { OffersToMe } from '../pairs/OffersToMe';
import { YourCoaches } from '../pairs/YourCoaches';
import { Section } from '../../../ui/Section';
import { PmWheelSection } from '../../assess/wheel/PmWheelSection';
import { PmPlanSection } from '../../plan/plans/PlanHomeSections';
import { CheckInHomeSection } from '../../cadence/check-ins/CheckInHomeSection';
import { PmCoachingSection } from '../../cadence/coaching-sessions/CoachingSessionSections';

/** The PM's side of home: offers to accept, and who coaches them. */
export function PmSections({
  meId,
  myCoaches,
  offersToMe,
  summary,
  rounds,
  pulses,
  onChanged,
}: {
  meId: string;
  /** Read by home with its other data, so these sections are whole when the page is drawn. */
  rounds: Resource<Round[]>;
  pulses: Resource<PulseBoard>;
  myCoaches: Pair[];
  offersToMe: Pair[];
  summary: Resource<HomeSummary>;
  onChanged: () => void;
}) {
  return (
    <>
      {offersToMe.length > 0 && (
        <Section title={offersToMe.length === 1 ? 'An offer to coach you' : 'Offers to coach you'}>
          <OffersToMe pairs={offersToMe} onChanged={onChanged} />
        </Section>
      )}
      {myCoaches.length > 0 && <CheckInHomeSection meId={meId} pulses={pulses} />}
      {myCoaches.length > 0 && (
        <PmWheelSection meId={meId} rounds={rounds} dips={pick(summary, (s) => s.me.dips)} />
      )}
      {myCoaches.length > 0 && <PmPlanSection meId={meId} summary={pick(summary, (s) => s.me)} />}
      {myCoaches.length > 0 && <PmCoachingSection meId={meId} summary={pick(summary, (s) => s.me)} />}
      <Section title={myCoaches.length > 1 ? 'Your coaches' : 'Your coach'}>
        <YourCoaches pairs={myCoaches} meId={meId} onChanged={onChanged} />
      </Section>
    </>
  );
}
