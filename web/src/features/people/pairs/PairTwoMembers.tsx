import { useState, type FormEvent } from 'react';
import type { Member, Pair } from '../../../../../common/schemas';
import { api } from '../../../api';
import { useAnnounce } from '../../../app/announcer';
import { Button } from '../../../ui/Button';
import { FormError } from '../../../ui/FormError';
import { Select } from '../../../ui/Select';
import { useAction } from '../../../ui/use-action';

/** The admin proposes that one member coaches another; the PM still has to accept. */
export function PairTwoMembers({ members, onPaired }: { members: Member[]; onPaired: () => void }) {
  const announce = useAnnounce();
  const [coachId, setCoachId] = useState('');
  const [pmId, setPmId] = useState('');
  const pair = useAction(() => api<Pair>('POST', '/api/pairs', { coachId, pmId }), {
    coachId: 'Coach',
    pmId: 'PM',
  });
  if (members.length < 2)
    return <p className="hint">Pairing needs at least two members. Invite someone first.</p>;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const created = await pair.run();
    if (!created) return;
    setCoachId('');
    setPmId('');
    announce(
      `Proposed: ${created.coach.name} coaches ${created.pm.name}. ${created.pm.name} will see the offer on their home page.`,
    );
    onPaired();
  };
  const options = (exclude: string) =>
    members
      .filter((m) => m.id !== exclude)
      .map((m) => (
        <option key={m.id} value={m.id}>
          {m.name}
        </option>
      ));

  return (
    <form className="form inline-form" onSubmit={submit}>
      <Select label="Coach" required value={coachId} onChange={(e) => setCoachId(e.target.value)}>
        <option value="">Choose the coach…</option>
        {options(pmId)}
      </Select>
      <Select label="PM" required value={pmId} onChange={(e) => setPmId(e.target.value)}>
        <option value="">Choose the PM…</option>
        {options(coachId)}
      </Select>
      <Button type="submit" pending={pair.pending} pendingLabel="Pairing…">
        Pair them
      </Button>
      <FormError message={pair.error} />
    </form>
  );
}
