import type { HomeSummary } from '../../../../../common/home';
import type { Invitation, Pair } from '../../../../../common/schemas';
import { pick, type Resource } from '../../../app/use-resource';
import { InvitationList } from '../invitations/InvitationList';
import { InviteForm } from '../invitations/InviteForm';
import { OfferToCoach } from '../pairs/OfferToCoach';
import { SentOffers } from '../pairs/SentOffers';
import { YourPms } from '../pairs/YourPms';
import { Section } from '../../../ui/Section';
import { CoachDipsSection } from '../../assess/wheel/CoachDipsSection';
import { CoachPlansSection } from '../../plan/plans/PlanHomeSections';
import { CoachCoachingSection } from '../../cadence/coaching-sessions/CoachingSessionSections';

interface CoachSectionsProps {
  meId: string;
  pairs: Pair[];
  myPms: Pair[];
  offersISent: Pair[];
  invitations: Invitation[];
  /** Dips, plan and vision of each PM the person coaches. */
  summary: Resource<HomeSummary>;
  onPairsChanged: () => void;
  onInvitationsChanged: () => void;
}

/** The coach's side of home: their PMs, inviting new ones, and offers to colleagues. */
export function CoachSections({
  meId,
  pairs,
  myPms,
  offersISent,
  invitations,
  summary,
  onPairsChanged,
  onInvitationsChanged,
}: CoachSectionsProps) {
  const coached = pick(summary, (s) => s.coached);
  const open = invitations.filter((i) => i.status === 'open' && i.invitedBy.id === meId && i.kind === 'pm');
  return (
    <>
      <Section title="Your PMs">
        <YourPms pairs={myPms} onChanged={onPairsChanged} />
      </Section>
      {myPms.length > 0 && (
        <>
          <CoachDipsSection coached={coached} />
          <CoachPlansSection coached={coached} />
          <CoachCoachingSection coached={coached} />
        </>
      )}
      <Section
        title="Invite a PM"
        intro="They'll get a link to create their account. As soon as they sign up, you're their coach."
      >
        <InviteForm kinds={['pm']} onInvited={onInvitationsChanged} invitations={open} />
      </Section>
      <Section title="Open invitations">
        <InvitationList
          invitations={open}
          onChanged={onInvitationsChanged}
          empty="No open invitations. Invitations you send wait here until the person signs up; each link works once and expires after 7 days."
        />
      </Section>
      <Section
        title="Offer to coach a colleague"
        intro="For someone who already has an account. They see your offer on their home page, and you see their coaching data only once they accept."
      >
        <SentOffers pairs={offersISent} onChanged={onPairsChanged} />
        <OfferToCoach meId={meId} pairs={pairs} onOffered={onPairsChanged} />
      </Section>
    </>
  );
}
