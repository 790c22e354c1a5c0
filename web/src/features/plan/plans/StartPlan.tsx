import { useState, type FormEvent } from 'react';
import type { Plan } from '../../../../../common/plans';
import { api } from '../../../api';
import { useAnnounce } from '../../../app/announcer';
import { Button } from '../../../ui/Button';
import { Field } from '../../../ui/Field';
import { FormError } from '../../../ui/FormError';
import { Section } from '../../../ui/Section';
import { useAction } from '../../../ui/use-action';
import { TextArea } from '../../../ui/TextArea';
import { today } from './plan-words';

const labels = { headline: 'Headline', focus: 'Focus', periodEnd: 'Plan runs until' };

/** Six months from a calendar date. */
function sixMonthsFrom(day: string) {
  const d = new Date(`${day}T12:00:00`);
  d.setMonth(d.getMonth() + 6);
  return d.toISOString().slice(0, 10);
}

/** The PM starts their plan: a headline, an optional focus, and a period of six months by default. */
export function StartPlan({ pmId, onStarted }: { pmId: string; onStarted: (plan: Plan) => void }) {
  const announce = useAnnounce();
  const [form, setForm] = useState({ headline: '', focus: '', periodEnd: sixMonthsFrom(today()) });
  const start = useAction(
    () =>
      api<Plan>('POST', `/api/pms/${encodeURIComponent(pmId)}/plan`, {
        headline: form.headline.trim(),
        focus: form.focus.trim(),
        periodStart: today(),
        periodEnd: form.periodEnd || undefined,
      }),
    labels,
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const plan = await start.run();
    if (!plan) return;
    onStarted(plan);
    announce('Plan started. Next: pick three to five themes, starting from your wheel.');
  };
  return (
    <Section
      title="Start your plan"
      intro="Your plan is yours: you write it, your coach comments and suggests. Start with a headline; themes come next, with ideas from your wheel."
    >
      <form className="form" onSubmit={submit}>
        <Field
          label="Headline"
          hint="Your plan in one line, e.g. “Become the PM who owns discovery”."
          value={form.headline}
          maxLength={200}
          required
          onChange={(e) => setForm({ ...form, headline: e.target.value })}
        />
        <TextArea
          label="Focus"
          hint="Optional: what you will pay most attention to."
          value={form.focus}
          maxLength={1000}
          onChange={(e) => setForm({ ...form, focus: e.target.value })}
        />
        <Field
          label="Plan runs until"
          type="date"
          className="field-date"
          hint="Six months from today works well."
          value={form.periodEnd}
          onChange={(e) => setForm({ ...form, periodEnd: e.target.value })}
        />
        <FormError message={start.error} />
        <Button type="submit" pending={start.pending} pendingLabel="Starting…">
          Start my plan
        </Button>
      </form>
    </Section>
  );
}
