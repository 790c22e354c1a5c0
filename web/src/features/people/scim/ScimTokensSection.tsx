import { useState, type FormEvent } from 'react';
import { api } from '../../../api';
import { useAnnounce } from '../../../app/announcer';
import { useResource } from '../../../app/use-resource';
import { Button } from '../../../ui/Button';
import { CopyField } from '../../../ui/CopyField';
import { EmptyState } from '../../../ui/EmptyState';
import { Field } from '../../../ui/Field';
import { FormError } from '../../../ui/FormError';
import { formatDate } from '../../../ui/format';
import { Loaded } from '../../../ui/Loaded';
import { Section } from '../../../ui/Section';
import { useAction } from '../../../ui/use-action';

interface ScimToken {
  id: string;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The admin page's SCIM tokens: the company's identity provider adds people and turns leavers off. */
export function ScimTokensSection() {
  const tokens = useResource<ScimToken[]>('/api/scim-tokens');
  return (
    <Section
      title="Provisioning (SCIM)"
      intro={`Let Okta, Entra ID or another identity provider add people and turn off leavers. Its SCIM base URL is ${location.origin}/scim/v2.`}
    >
      <NewToken onCreated={tokens.reload} />
      <Loaded resource={tokens}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState>No tokens yet.</EmptyState>
          ) : (
            <ul className="list">
              {list.map((t) => (
                <TokenItem key={t.id} token={t} onChanged={tokens.reload} />
              ))}
            </ul>
          )
        }
      </Loaded>
    </Section>
  );
}

function NewToken({ onCreated }: { onCreated: () => void }) {
  const [label, setLabel] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const create = useAction(() => api<ScimToken & { token: string }>('POST', '/api/scim-tokens', { label }), {
    label: 'Name',
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const created = await create.run();
    if (!created) return;
    setSecret(created.token);
    setLabel('');
    onCreated();
  };
  return (
    <>
      <form className="form inline-form" onSubmit={submit}>
        <Field
          label="Name"
          hint="Which provider uses it, e.g. Okta."
          name="label"
          required
          maxLength={80}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
        />
        <FormError message={create.error} />
        <Button type="submit" pending={create.pending} pendingLabel="Creating…">
          Create token
        </Button>
      </form>
      {secret && (
        <CopyField
          label="New token"
          value={secret}
          hint="Paste it into your identity provider now: it is shown only this once."
        />
      )}
    </>
  );
}

function TokenItem({ token, onChanged }: { token: ScimToken; onChanged: () => void }) {
  const announce = useAnnounce();
  const revoke = useAction(() => api('DELETE', `/api/scim-tokens/${token.id}`));
  const onRevoke = async () => {
    if ((await revoke.run()) === undefined) return;
    announce(`The token ${token.label} was revoked.`);
    onChanged();
  };
  const used = token.lastUsedAt ? `last used ${formatDate(token.lastUsedAt)}` : 'not used yet';
  return (
    <li className="list-item">
      <div className="item-main">
        <p className="item-title">{token.label}</p>
        <p className="item-meta">
          Created {formatDate(token.createdAt)} ·{' '}
          {token.revokedAt ? `revoked ${formatDate(token.revokedAt)}` : used}
        </p>
        <FormError message={revoke.error} />
      </div>
      {!token.revokedAt && (
        <div className="actions">
          <Button
            variant="secondary"
            pending={revoke.pending}
            onClick={() => void onRevoke()}
            aria-label={`Revoke the token ${token.label}`}
          >
            Revoke
          </Button>
        </div>
      )}
    </li>
  );
}
