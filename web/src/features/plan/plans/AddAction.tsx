import { useState, type FormEvent } from 'react';
import type { Plan, PlanTheme } from '../../../../../common/plans';
import { useAnnounce } from '../../../app/announcer';
import { Button } from '../../../ui/Button';
import { Field } from '../../../ui/Field';
import { FormError } from '../../../ui/FormError';
import { ExampleActions } from './ExampleActions';
import { usePlan, usePlanChange } from './plan-context';

const labels = { text: 'New action', dueOn: 'Due date' };

/** Adds an action to a theme (written, or one click from the examples); focus moves to the new action. */
export function AddAction({ theme, number }: { theme: PlanTheme; number: number }) {
  const announce = useAnnounce();
  const { requestFocus } = usePlan();
  const add = usePlanChange(labels);
  const [form, setForm] = useState({ text: '', dueOn: '' });

  /** Adds and focuses the action the answer holds that the theme did not have before. */
  const addAction = async (text: string, dueOn: string | null) => {
    const before = new Set(theme.actions.map((a) => a.id));
    const plan: Plan | undefined = await add.run('POST', `/themes/${theme.id}/actions`, { text, dueOn });
    const created = plan?.themes.find((t) => t.id === theme.id)?.actions.find((a) => !before.has(a.id));
    if (!created) return false;
    requestFocus(`action-${created.id}`);
    announce(`Action added to “${theme.title}”.`);
    return true;
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await addAction(form.text.trim(), form.dueOn || null)) setForm({ text: '', dueOn: '' });
  };
  return (
    <div className="add-action">
      <form className="form" onSubmit={submit} aria-label={`Add an action to theme ${number}`}>
        <div className="action-row">
          <Field
            label="New action"
            hint="A concrete step, e.g. “lead three stakeholder interviews solo”."
            className="field-grow"
            value={form.text}
            maxLength={500}
            required
            onChange={(e) => setForm({ ...form, text: e.target.value })}
          />
          <Field
            label="Due date"
            type="date"
            hint="Optional."
            className="field-date"
            value={form.dueOn}
            onChange={(e) => setForm({ ...form, dueOn: e.target.value })}
          />
        </div>
        <FormError message={add.error} />
        <Button type="submit" variant="secondary" pending={add.pending} pendingLabel="Adding…">
          Add action
        </Button>
      </form>
      <ExampleActions theme={theme} pending={add.pending} onAdd={(text) => void addAction(text, null)} />
    </div>
  );
}
