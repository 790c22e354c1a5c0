import type { Member } from '../../../../common/schemas';
import { api } from '../../api';
import { useAnnounce } from '../../app/announcer';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { FormError } from '../../ui/FormError';
import { formatDate } from '../../ui/format';
import { useAction } from '../../ui/use-action';

/** The workspace's members; an admin grants or removes admin rights. */
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
      <Button
        variant="secondary"
        pending={toggle.pending}
        onClick={onToggle}
        aria-label={member.isAdmin ? `Remove admin from ${member.name}` : `Make ${member.name} an admin`}
      >
        {member.isAdmin ? 'Remove admin' : 'Make admin'}
      </Button>
    </li>
  );
}
