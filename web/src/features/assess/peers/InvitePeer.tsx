import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { PeerInvitation } from '../../../../../common/wheel-peers';
import { api } from '../../../api';
import { useAnnounce } from '../../../app/announcer';
import { Button } from '../../../ui/Button';
import { CopyField } from '../../../ui/CopyField';
import { Field } from '../../../ui/Field';
import { FormError } from '../../../ui/FormError';
import { formatDate } from '../../../ui/format';
import { useAction } from '../../../ui/use-action';

/** Creates a peer's link; it is shown once, with a Copy button. */
export function InvitePeer({ roundId, onInvited }: { roundId: string; onInvited: () => void }) {
  const announce = useAnnounce();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<PeerInvitation | null>(null);
  const linkField = useRef<HTMLInputElement>(null);
  const invite = useAction(() => api<PeerInvitation>('POST', `/api/rounds/${roundId}/peers`, { name }), {
    name: 'Peer’s name',
  });
  useEffect(() => {
    if (created) linkField.current?.focus();
  }, [created]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const peer = await invite.run();
    if (!peer) return;
    setCreated(peer);
    setName('');
    onInvited();
    announce(`Link for ${peer.name} created.`);
  };
  return (
    <>
      <form className="form inline-form peer-form" onSubmit={submit}>
        <Field
          label="Peer’s name"
          hint="For your own list; they don't need an account."
          value={name}
          required
          maxLength={100}
          onChange={(e) => setName(e.target.value)}
        />
        <Button type="submit" pending={invite.pending} pendingLabel="Creating link…">
          Create a link
        </Button>
        <FormError message={invite.error} />
      </form>
      {created?.link && (
        <div className="notice">
          <CopyField
            ref={linkField}
            label={`Link for ${created.name}`}
            value={created.link}
            hint={`Send it to ${created.name} yourself. It works once, until ${formatDate(created.expiresAt)}, and is shown only now.`}
          />
        </div>
      )}
    </>
  );
}
