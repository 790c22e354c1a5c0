import type { PeerInvitation } from '../../../../../common/wheel-peers';
import type { RoundDetail } from '../../../../../common/wheel-rounds';
import { useResource } from '../../../app/use-resource';
import { Loaded } from '../../../ui/Loaded';
import { Section } from '../../../ui/Section';
import { InvitePeer } from './InvitePeer';
import { PeerList } from './PeerList';
import { PeerSharing } from './PeerSharing';

/** The PM asks peers to score them (by link, no account), and decides whether the coach sees peer scores. */
export function PeersSection({ round, coach }: { round: RoundDetail; coach: string }) {
  const peers = useResource<PeerInvitation[]>(`/api/rounds/${round.id}/peers`);
  return (
    <Section
      title="Peers"
      intro={`Optional: ask colleagues to score you once, by link, without an account. Their scores come to you, averaged; ${coach} sees them only if you share them.`}
    >
      <Loaded resource={peers}>
        {(list) => <PeerList roundId={round.id} peers={list} onChanged={peers.reload} />}
      </Loaded>
      <InvitePeer roundId={round.id} onInvited={peers.reload} />
      <PeerSharing roundId={round.id} coach={coach} shared={round.peers?.shared ?? false} />
    </Section>
  );
}
