import type { Invitation, Member, Pair } from '../../../../../common/schemas';
import { Page } from '../../../app/Page';
import { useMe } from '../../../app/session';
import { useResource } from '../../../app/use-resource';
import { Loaded } from '../../../ui/Loaded';
import { Section } from '../../../ui/Section';
import { InvitationList } from '../invitations/InvitationList';
import { InviteForm } from '../invitations/InviteForm';
import { PairTwoMembers } from '../pairs/PairTwoMembers';
import { PublicAddressSection } from '../setup/PublicAddressSection';
import { SingleSignOnSection } from '../single-sign-on/SingleSignOnSection';
import { ScimTokensSection } from '../scim/ScimTokensSection';
import { WorkspacePairs } from '../pairs/WorkspacePairs';
import { useMyPairs } from '../pairs/my-pairs';
import { MemberList } from './MemberList';

/** The workspace admin's area: membership and who coaches whom, never coaching data. */
export default function AdminPage() {
  const me = useMe();
  const myPairs = useMyPairs();
  const members = useResource<Member[]>('/api/members');
  const invitations = useResource<Invitation[]>('/api/invitations');
  const pairs = useResource<Pair[]>('/api/workspace/pairs');
  const pairsChanged = () => {
    pairs.reload();
    myPairs.reload();
  };
  return (
    <Page title="Admin" lead={`Membership of ${me.workspace.name}.`}>
      <p className="banner" role="note">
        <strong>Admins never see assessments, plans or notes.</strong> This area is about who is in the
        workspace and who coaches whom; coaching data stays between each PM and their coaches.
      </p>
      <Section title="Members">
        <Loaded resource={members}>
          {(list) => <MemberList members={list} meId={me.id} onChanged={members.reload} />}
        </Loaded>
      </Section>
      <Section
        title="Invite someone"
        intro="Invite another coach as a member, or a PM you will coach yourself."
      >
        <InviteForm kinds={['member', 'pm']} onInvited={invitations.reload} invitations={invitations.data} />
      </Section>
      <Section title="Invitations">
        <Loaded resource={invitations}>
          {(list) => (
            <InvitationList
              invitations={list}
              onChanged={invitations.reload}
              showInviter
              empty="No invitations yet. Invite someone above; every invitation in the workspace shows here."
            />
          )}
        </Loaded>
      </Section>
      <PublicAddressSection />
      <SingleSignOnSection />
      <ScimTokensSection />
      <Section title="Who coaches whom">
        <Loaded resource={pairs}>{(list) => <WorkspacePairs pairs={list} onChanged={pairsChanged} />}</Loaded>
      </Section>
      <Section
        title="Pair two members"
        intro="Propose that one member coaches another. The PM accepts or declines on their home page."
      >
        <Loaded resource={members}>
          {(list) => <PairTwoMembers members={list} onPaired={pairsChanged} />}
        </Loaded>
      </Section>
    </Page>
  );
}
