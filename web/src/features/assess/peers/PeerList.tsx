import type { PeerInvitation } from '../../../../../common/wheel-peers';
import { api } from '../../../api';
import { useAnnounce } from '../../../app/announcer';
import { Button } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';
import { focusSectionHeading } from '../../../ui/focus';
import { FormError } from '../../../ui/FormError';
import { formatDate } from '../../../ui/format';
import { useAction } from '../../../ui/use-action';

const statusText = {
  open: 'Waiting for their answer',
  submitted: 'Answered',
  expired: 'Link expired',
  revoked: 'Link withdrawn',
} as const;

/** The peers asked in this round, with their status; an unused link can be withdrawn. */
export function PeerList({
  roundId,
  peers,
  onChanged,
}: {
  roundId: string;
  peers: PeerInvitation[];
  onChanged: () => void;
}) {
  if (peers.length === 0) {
    return (
      <EmptyState>
        <p>No peers asked yet. Two or three colleagues who work with you closely give a useful third view.</p>
      </EmptyState>
    );
  }
  return (
    <ul className="list">
      {peers.map((p) => (
        <li key={p.id} className="list-item">
          <div className="item-main">
            <p className="item-title">{p.name}</p>
            <p className="item-meta">
              {statusText[p.status]} · asked {formatDate(p.createdAt)}
            </p>
          </div>
          {p.status === 'open' && <Withdraw roundId={roundId} peer={p} onChanged={onChanged} />}
        </li>
      ))}
    </ul>
  );
}

function Withdraw({
  roundId,
  peer,
  onChanged,
}: {
  roundId: string;
  peer: PeerInvitation;
  onChanged: () => void;
}) {
  const announce = useAnnounce();
  const withdraw = useAction(() => api('DELETE', `/api/rounds/${roundId}/peers/${peer.id}`));
  return (
    <div>
      <Button
        variant="secondary"
        pending={withdraw.pending}
        pendingLabel="Withdrawing…"
        aria-label={`Withdraw the link for ${peer.name}`}
        onClick={async (e) => {
          const button = e.currentTarget;
          if ((await withdraw.run()) === undefined) return;
          focusSectionHeading(button);
          announce(`The link for ${peer.name} no longer works.`);
          onChanged();
        }}
      >
        Withdraw link
      </Button>
      <FormError message={withdraw.error} />
    </div>
  );
}
