import { useState, type FormEvent } from 'react';
import type { FrameworkSummary } from '../../../../../common/wheel';
import type { RoundDetail } from '../../../../../common/wheel-rounds';
import { api } from '../../../api';
import { useMe } from '../../../app/session';
import { useResource } from '../../../app/use-resource';
import { Button } from '../../../ui/Button';
import { Field } from '../../../ui/Field';
import { FormError } from '../../../ui/FormError';
import { Select } from '../../../ui/Select';
import { useGo } from '../../../app/use-go';
import { useAction } from '../../../ui/use-action';
import { splitPairs, useMyPairs } from '../../people/pairs/my-pairs';
import { usePm } from '../../people/pairs/use-pm';

const labels = { title: 'Name of the round', frameworkId: 'Framework', coachId: 'Coach' };

/** Starts a round for a PM (by the PM or their coach): both sides then assess blind. */
export function StartRound({
  pmId,
  first,
  onStarted,
}: {
  pmId: string;
  first: boolean;
  onStarted: () => void;
}) {
  const me = useMe();
  const pm = usePm(pmId);
  const go = useGo();
  const { pairs } = useMyPairs();
  const coaches = pm.isMe && pairs ? splitPairs(pairs, me.id).myCoaches.map((p) => p.coach) : [];
  const frameworks = useResource<FrameworkSummary[]>('/api/frameworks');
  const [form, setForm] = useState({ title: '', frameworkId: '', coachId: '' });
  const start = useAction(
    () =>
      api<RoundDetail>('POST', `/api/pms/${pmId}/rounds`, {
        title: form.title.trim() || undefined,
        frameworkId: form.frameworkId || undefined,
        coachId: form.coachId || (coaches.length === 1 ? coaches[0]!.id : undefined),
      }),
    labels,
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const round = await start.run();
    if (!round) return;
    onStarted();
    go(`/rounds/${round.id}`, `Round "${round.title}" started.`);
  };
  const choices = frameworks.data ?? [];
  return (
    <form className="form" onSubmit={submit}>
      <p>
        {first
          ? `No rounds yet. A round is one snapshot: ${pm.isMe ? 'you score yourself and your coach scores you' : `${pm.first} scores themselves and you score ${pm.first}`}, each without seeing the other, then you compare.`
          : 'No round in progress. Start the next one when it is time for a new snapshot (every quarter works well).'}
      </p>
      <Field
        label="Name of the round"
        hint="Optional. For example “Q1 2027”; by default the month and year."
        value={form.title}
        maxLength={100}
        onChange={(e) => setForm({ ...form, title: e.target.value })}
      />
      {choices.length > 1 && (
        <Select
          label="Framework"
          value={form.frameworkId}
          onChange={(e) => setForm({ ...form, frameworkId: e.target.value })}
        >
          <option value="">{first ? 'The workspace default' : 'The same as last round'}</option>
          {choices.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name} (version {f.currentVersion})
            </option>
          ))}
        </Select>
      )}
      {coaches.length > 1 && (
        <Select
          label="Coach"
          required
          value={form.coachId}
          onChange={(e) => setForm({ ...form, coachId: e.target.value })}
        >
          <option value="">Choose who assesses you this round</option>
          {coaches.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      )}
      <FormError message={start.error} />
      <Button type="submit" pending={start.pending} pendingLabel="Starting…">
        Start a round
      </Button>
    </form>
  );
}
