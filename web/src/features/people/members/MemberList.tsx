import { useState } from 'react';
import type { MemberRemoved } from '../../../../../common/erasure';
import type { Member } from '../../../../../common/schemas';
import { api } from '../../../api';
import { useAnnounce } from '../../../app/announcer';
import { Button } from '../../../ui/Button';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { EmptyState } from '../../../ui/EmptyState';
import { FormError } from '../../../ui/FormError';
import { formatDate } from '../../../ui/format';
import { useAction } from '../../../ui/use-action';
import { ResetLinkButton } from './ResetLinkButton';

/** The workspace's members; an admin grants or removes admin rights, and removes a member. */
export function MemberList({
  members,
  meId,
  onChanged,
}: {
  members: Member[];
  meId: string;
  onChanged: () => void;
}) {
  if (members.length === 0) return <EmptyState>No members yet.</EmptyState>;
  return (
    <ul className="list">
      {members.map((member) => (
        <MemberItem key={member.id} member={member} isMe={member.id === meId} onChanged={onChanged} />
      ))}
    </ul>
  );
}

function MemberItem({ member, isMe, onChanged }: { member: Member; isMe: boolean; onChanged: () => void }) {
  const announce = useAnnounce();
  const toggle = useAction(() =>
    api<Member>('PATCH', `/api/members/${member.id}`, { isAdmin: !member.isAdmin }),
  );
  const onToggle = async () => {
    const updated = await toggle.run();
    if (!updated) return;
    announce(updated.isAdmin ? `${updated.name} is now an admin.` : `${updated.name} is no longer an admin.`);
    onChanged();
  };
  const name = isMe ? `${member.name} (you)` : member.name;
  return (
    <li className="list-item">
      <div className="item-main">
        <p className="item-title">
          {name} {member.isAdmin && <span className="badge badge-admin">Admin</span>}
        </p>
        <p className="item-meta">
          {member.email} · Joined {formatDate(member.createdAt)}
        </p>
        <FormError message={toggle.error} />
      </div>
      <div className="actions">
        <Button
          variant="secondary"
          pending={toggle.pending}
          onClick={onToggle}
          aria-label={member.isAdmin ? `Remove admin from ${member.name}` : `Make ${member.name} an admin`}
        >
          {member.isAdmin ? 'Remove admin' : 'Make admin'}
        </Button>
        {!isMe && <ResetLinkButton member={member} />}
        {!member.isAdmin && <RemoveMember member={member} onChanged={onChanged} />}
      </div>
    </li>
  );
}

/** Takes a member out of the workspace (decision 043): their pairs end; their own data stays theirs. */
function RemoveMember({ member, onChanged }: { member: Member; onChanged: () => void }) {
  const announce = useAnnounce();
  const [open, setOpen] = useState(false);
  const remove = useAction(() => api<MemberRemoved>('DELETE', `/api/members/${member.id}`));
  const onConfirm = async () => {
    const removed = await remove.run();
    if (!removed) return;
    setOpen(false);
    announce(`${member.name} was removed from the workspace. ${removed.pairsEnded} pairing(s) ended.`);
    onChanged();
  };
  return (
    <>
      <Button
        variant="secondary"
        onClick={() => setOpen(true)}
        aria-label={`Remove ${member.name} from the workspace`}
      >
        Remove
      </Button>
      <ConfirmDialog
        open={open}
        title={`Remove ${member.name}?`}
        confirmLabel="Remove from workspace"
        pending={remove.pending}
        error={remove.error}
        onConfirm={() => void onConfirm()}
        onCancel={() => setOpen(false)}
      >
        <p>
          Every pairing of theirs ends now, as coach and as PM: their coach or PMs stop seeing each
          other&rsquo;s coaching data. Their own data stays theirs: they can still sign in to export it and to
          erase their account.
        </p>
      </ConfirmDialog>
    </>
  );
}
