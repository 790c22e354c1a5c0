import { useState, type FormEvent } from 'react';
import type { Pair, Person } from '../../../../../common/schemas';
import { api } from '../../../api';
import { useAnnounce } from '../../../app/announcer';
import { useResource } from '../../../app/use-resource';
import { Button } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';
import { FormError } from '../../../ui/FormError';
import { LoadError, Loading } from '../../../ui/Loading';
import { Select } from '../../../ui/Select';
import { useAction } from '../../../ui/use-action';

interface OfferToCoachProps {
  meId: string;
  /** The person's pairs: colleagues already coached or offered to are left out. */
  pairs: Pair[];
  onOffered: () => void;
}

/** Offers to coach someone who already has an account; they accept or decline on their home. */
export function OfferToCoach({ meId, pairs, onOffered }: OfferToCoachProps) {
  const people = useResource<Person[]>('/api/people');
  const announce = useAnnounce();
  const [pmId, setPmId] = useState('');
  const offer = useAction(() => api<Pair>('POST', '/api/pairs', { pmId }), { pmId: 'Colleague' });

  if (people.error) return <LoadError error={people.error} retry={people.reload} />;
  if (!people.data) return <Loading />;
  const taken = new Set(pairs.filter((p) => p.coach.id === meId && p.status !== 'ended').map((p) => p.pm.id));
  const candidates = people.data.filter((p) => p.id !== meId && !taken.has(p.id));
  if (candidates.length === 0) {
    return (
      <EmptyState>
        <p>
          No colleagues to offer coaching to yet. Invite a PM above: new people join through an invitation.
        </p>
      </EmptyState>
    );
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const pair = await offer.run();
    if (!pair) return;
    setPmId('');
    announce(`Offer sent. ${pair.pm.name} will see it on their home page.`);
    onOffered();
  };

  return (
    <form className="form inline-form" onSubmit={submit}>
      <Select label="Colleague" required value={pmId} onChange={(e) => setPmId(e.target.value)}>
        <option value="">Choose a colleague…</option>
        {candidates.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name} ({person.email})
          </option>
        ))}
      </Select>
      <Button type="submit" pending={offer.pending} pendingLabel="Sending offer…">
        Offer to coach
      </Button>
      <FormError message={offer.error} />
    </form>
  );
}
