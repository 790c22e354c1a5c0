import { useState, type FormEvent } from 'react';
import { Button } from '../../../ui/Button';
import { Field } from '../../../ui/Field';
import { FormError } from '../../../ui/FormError';
import { TextArea } from '../../../ui/TextArea';
import { usePlan } from './plan-context';
import { TargetsPicker } from './TargetsPicker';

export interface ThemeDraft {
  title: string;
  why: string;
  /** How it serves the next bigger challenge (a theme idea brings one). */
  serves?: string;
  areas: string[];
  traits: string[];
}
const empty: ThemeDraft = { title: '', why: '', areas: [], traits: [] };

/** The PM writes a theme of their own: title, why, and what it serves. */
export function AddTheme({
  pending,
  error,
  onAdd,
}: {
  pending: boolean;
  error: string;
  onAdd: (theme: ThemeDraft) => Promise<boolean>;
}) {
  const { ideas } = usePlan();
  const [form, setForm] = useState(empty);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await onAdd({ ...form, title: form.title.trim(), why: form.why.trim() })) setForm(empty);
  };
  return (
    <form className="form add-theme" onSubmit={submit} aria-label="Add a theme">
      <Field
        label="Theme title"
        hint="In your own words, e.g. “Own discovery end to end”."
        value={form.title}
        maxLength={200}
        required
        onChange={(e) => setForm({ ...form, title: e.target.value })}
      />
      <TextArea
        label="Why it matters"
        hint="Optional: what will be different when you have grown here?"
        value={form.why}
        maxLength={2000}
        onChange={(e) => setForm({ ...form, why: e.target.value })}
      />
      {ideas && (
        <TargetsPicker
          areas={ideas.framework.areas}
          traits={ideas.framework.traits}
          selected={form}
          what="new theme"
          onChange={(next) => setForm({ ...form, ...next })}
        />
      )}
      <FormError message={error} />
      <Button type="submit" pending={pending} pendingLabel="Adding…">
        Add theme
      </Button>
    </form>
  );
}
