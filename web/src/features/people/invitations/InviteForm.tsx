import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CreatedInvitation, Invitation } from '../../../../../common/schemas';
import { api } from '../../../api';
import { useAnnounce } from '../../../app/announcer';
import { useMe } from '../../../app/session';
import { Button } from '../../../ui/Button';
import { CopyField } from '../../../ui/CopyField';
import { Field } from '../../../ui/Field';
import { FormError } from '../../../ui/FormError';
import { formatDate } from '../../../ui/format';
import { useAction } from '../../../ui/use-action';

type Kind = Invitation['kind'];

const kindLabels: Record<Kind, string> = {
  pm: 'A PM I will coach',
  member: 'A member (for example another coach)',
};

interface InviteFormProps {
  /** Which kinds of invitation to offer; one kind hides the choice. */
  kinds: Kind[];
  onInvited: (invitation: Invitation) => void;
  /** Invitations already listed on the page: a new one to the same address replaces the reader's open one. */
  invitations?: Invitation[];
}

/**
 * Invites someone by email, then shows the link once to copy (and says whether it was emailed), or,
 * when the link went only by mail (decision 009), says where it went.
 */
export function InviteForm({ kinds, onInvited, invitations = [] }: InviteFormProps) {
  const announce = useAnnounce();
  const me = useMe();
  const [email, setEmail] = useState('');
  const [kind, setKind] = useState<Kind>(kinds[0] ?? 'pm');
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const linkField = useRef<HTMLInputElement>(null);
  const invite = useAction(() => api<CreatedInvitation>('POST', '/api/invitations', { email, kind }), {
    email: 'Email',
  });

  const typed = email.trim().toLowerCase();
  const earlier = invitations.find(
    (i) => i.status === 'open' && i.invitedBy.id === me.id && i.email.toLowerCase() === typed,
  );
  const stops = (address: string) => `The earlier link for ${address} stops working.`;

  useEffect(() => {
    if (created) linkField.current?.focus();
  }, [created]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const invitation = await invite.run();
    if (!invitation) return;
    setCreated(invitation);
    setEmail('');
    onInvited(invitation);
    announce(
      `Invitation for ${invitation.email} created.${invitation.replaced ? ` ${stops(invitation.email)}` : ''}`,
    );
  };

  return (
    <div className="invite">
      <form className="form inline-form" onSubmit={submit}>
        {kinds.length > 1 && (
          <fieldset className="choice">
            <legend>Who are you inviting?</legend>
            {kinds.map((k) => (
              <label key={k} className="radio">
                <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
                {kindLabels[k]}
              </label>
            ))}
          </fieldset>
        )}
        <Field
          label="Email address"
          type="email"
          name="email"
          autoComplete="off"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          hint={
            earlier
              ? `You invited ${earlier.email} on ${formatDate(earlier.createdAt)}. If you invite again, the earlier link for ${earlier.email} stops working.`
              : undefined
          }
        />
        <Button type="submit" pending={invite.pending} pendingLabel="Inviting…">
          Create invitation
        </Button>
      </form>
      <FormError message={invite.error} />
      {created?.replaced && (
        <p className="notice" role="status">
          {stops(created.email)} Only the new invitation works now.
        </p>
      )}
      {created && !created.link && (
        <div className="notice" role="status">
          <p className="notice-title">
            {created.mailed
              ? `We mailed the link to ${created.email}.`
              : `We couldn't email the invitation to ${created.email}. Try again later (a new invitation replaces this one), or ask a workspace admin.`}
          </p>
          {created.mailed && (
            <p>
              Only {created.email} gets the link, so only they can accept it. It expires on{' '}
              {formatDate(created.expiresAt)}.
            </p>
          )}
        </div>
      )}
      {created?.link && (
        <div className="notice">
          <p className="notice-title">
            {me.workspace.isDemo
              ? `Invitation for ${created.email} is ready. This is the demo, so it never sends email: copy the link instead.`
              : created.mailed
                ? `We emailed an invitation to ${created.email}.`
                : `Invitation for ${created.email} is ready. Email isn't set up on this server, so send them the link yourself.`}
          </p>
          <CopyField
            ref={linkField}
            label={`Invitation link for ${created.email}`}
            value={created.link}
            hint={`It works once and expires on ${formatDate(created.expiresAt)}. It's shown only now, so copy it before you leave this page.`}
          />
        </div>
      )}
    </div>
  );
}
