import { useState, type FormEvent } from 'react';
import type { PublicAddress } from '../../../../../common/public-address';
import { api } from '../../../api';
import { useAnnounce } from '../../../app/announcer';
import { useResource } from '../../../app/use-resource';
import { Button } from '../../../ui/Button';
import { Field } from '../../../ui/Field';
import { FormError } from '../../../ui/FormError';
import { Loaded } from '../../../ui/Loaded';
import { Section } from '../../../ui/Section';
import { useAction } from '../../../ui/use-action';

const sourceWords: Record<PublicAddress['source'], string> = {
  PUBLIC_URL: 'Set on the server with PUBLIC_URL, which overrides the address recorded here.',
  setup: 'Recorded when you set up Wheelhouse, or changed here since.',
  default: "Nothing recorded yet: this is the server's default. Confirm the address people use below.",
};

/** The admin page's public address: where invitation links point, where it comes from, and a form to change it. */
export function PublicAddressSection() {
  const resource = useResource<PublicAddress>('/api/workspace/public-address');
  return (
    <Section
      title="Public address"
      intro="Invitation links start with this address, so it must be the one people reach Wheelhouse at."
    >
      <Loaded resource={resource}>
        {(current) => <AddressForm current={current} onSaved={resource.reload} />}
      </Loaded>
    </Section>
  );
}

function AddressForm({ current, onSaved }: { current: PublicAddress; onSaved: () => void }) {
  const announce = useAnnounce();
  const [address, setAddress] = useState(current.recorded ?? current.address);
  const save = useAction(() => api<PublicAddress>('PUT', '/api/workspace/public-address', { address }), {
    address: 'Public address',
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const saved = await save.run();
    if (!saved) return;
    onSaved();
    announce(`Public address saved: ${saved.recorded ?? saved.address}.`);
  };
  return (
    <div className="public-address">
      <p>
        Links start with <strong>{current.address}</strong>. {sourceWords[current.source]}
      </p>
      {!current.mailConfigured && (
        <p className="banner" role="note">
          Email isn't set up on this server, so invitation links are handed over by whoever invites, and
          Wheelhouse can't prove that people own the addresses they were invited at. Set SMTP_URL so that
          links go by email.
        </p>
      )}
      <form className="form inline-form" onSubmit={submit}>
        <Field
          label="Public address"
          hint="For example https://wheelhouse.example.com. Only the scheme, name and port are kept."
          type="url"
          name="address"
          autoComplete="off"
          required
          maxLength={200}
          value={address}
          onChange={(e) => setAddress(e.target.value)}
        />
        <Button type="submit" pending={save.pending} pendingLabel="Saving…">
          Save address
        </Button>
      </form>
      <FormError message={save.error} />
    </div>
  );
}
