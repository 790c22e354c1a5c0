import { useState, type MouseEvent } from 'react';
import type { Invitation } from '../../../../../common/schemas';
import { api } from '../../../api';
import { useAnnounce } from '../../../app/announcer';
import { Button } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';
import { FormError } from '../../../ui/FormError';
import { focusSectionHeading } from '../../../ui/focus';
import { formatDate, fromNow } from '../../../ui/format';
import { useAction } from '../../../ui/use-action';

const statusText: Record<Invitation['status'], string> = {
  open: 'Open',
  accepted: 'Accepted',
  revoked: 'Revoked',
  expired: 'Expired',
};

interface InvitationListProps {
  invitations: Invitation[];
  onChanged: () => void;
  /** Says who sent each invitation (the admin's view of the whole workspace). */
  showInviter?: boolean;
  empty: string;
}

/** Invitations with their state; open ones can be revoked. */
export function InvitationList({ invitations, onChanged, showInviter = false, empty }: InvitationListProps) {
  if (invitations.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <ul className="list">
      {invitations.map((invitation) => (
        <InvitationItem
          key={invitation.id}
          invitation={invitation}
          onChanged={onChanged}
          showInviter={showInviter}
        />
      ))}
    </ul>
  );
}

function InvitationItem({
  invitation,
  onChanged,
  showInviter,
}: {
  invitation: Invitation;
  onChanged: () => void;
  showInviter: boolean;
}) {
  const announce = useAnnounce();
  const [revoked, setRevoked] = useState(false);
  const revoke = useAction(() => api('DELETE', `/api/invitations/${invitation.id}`));
  const open = invitation.status === 'open' && !revoked;
  const onRevoke = async (event: MouseEvent<HTMLButtonElement>) => {
    const button = event.currentTarget;
    if ((await revoke.run()) === undefined) return;
    focusSectionHeading(button);
    setRevoked(true);
    announce(`Invitation for ${invitation.email} revoked. Its link no longer works.`);
    onChanged();
  };
  return (
    <li className="list-item">
      <div className="item-main">
        <p className="item-title">{invitation.email}</p>
        <p className="item-meta">
          {invitation.kind === 'pm'
            ? `PM to be coached by ${showInviter ? invitation.invitedBy.name : 'you'}`
            : `Member, invited by ${showInviter ? invitation.invitedBy.name : 'you'}`}
          {' · '}
          {open ? (
            <>
              Expires {fromNow(invitation.expiresAt)} ({formatDate(invitation.expiresAt)})
            </>
          ) : (
            <span className={`badge badge-${revoked ? 'revoked' : invitation.status}`}>
              {revoked ? statusText.revoked : statusText[invitation.status]}
            </span>
          )}
          {invitation.mailed && ' · Emailed'}
        </p>
        <FormError message={revoke.error} />
      </div>
      {open && (
        <Button
          variant="secondary"
          pending={revoke.pending}
          pendingLabel="Revoking…"
          onClick={onRevoke}
          aria-label={`Revoke invitation for ${invitation.email}`}
        >
          Revoke
        </Button>
      )}
    </li>
  );
}
