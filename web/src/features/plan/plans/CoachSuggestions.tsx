import { useState } from 'react';
import type { PlanAction, PlanTheme } from '../../../../../common/plans';
import { Field } from '../../../ui/Field';
import { TextArea } from '../../../ui/TextArea';
import { usePlan } from './plan-context';
import { SuggestBox } from './SuggestBox';
import { TargetsPicker } from './TargetsPicker';

/** "Suggest an action" for a theme. */
export function SuggestAction({ theme, what }: { theme: PlanTheme; what: string }) {
  const [form, setForm] = useState({ text: '', dueOn: '' });
  return (
    <SuggestBox
      summary="Suggest an action"
      what={`for ${what}`}
      suggestion={() => ({
        kind: 'new_action',
        themeId: theme.id,
        text: form.text.trim(),
        dueOn: form.dueOn || null,
        message: '',
      })}
      onSent={() => setForm({ text: '', dueOn: '' })}
    >
      <Field
        label="Action"
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
    </SuggestBox>
  );
}

/** "Suggest rewording" for a theme (title and why). */
export function SuggestThemeWords({ theme, what }: { theme: PlanTheme; what: string }) {
  const [form, setForm] = useState({ title: theme.title, why: theme.why });
  return (
    <SuggestBox
      summary="Suggest rewording"
      what={`of ${what}`}
      suggestion={() => ({
        kind: 'reword_theme',
        themeId: theme.id,
        title: form.title.trim(),
        why: form.why.trim(),
        message: '',
      })}
      onSent={() => undefined}
    >
      <Field
        label="Title"
        value={form.title}
        maxLength={200}
        required
        onChange={(e) => setForm({ ...form, title: e.target.value })}
      />
      <TextArea
        label="Why it matters"
        value={form.why}
        maxLength={2000}
        onChange={(e) => setForm({ ...form, why: e.target.value })}
      />
    </SuggestBox>
  );
}

/** "Suggest rewording" for an action. */
export function SuggestActionWords({ action, what }: { action: PlanAction; what: string }) {
  const [text, setText] = useState(action.text);
  return (
    <SuggestBox
      summary="Suggest rewording"
      what={`of ${what}`}
      suggestion={() => ({ kind: 'reword_action', actionId: action.id, text: text.trim(), message: '' })}
      onSent={() => undefined}
    >
      <Field label="Action" value={text} maxLength={500} required onChange={(e) => setText(e.target.value)} />
    </SuggestBox>
  );
}

/** "Suggest a theme" for the whole plan. */
export function SuggestTheme() {
  const { ideas } = usePlan();
  const empty = { title: '', why: '', areas: [] as string[], traits: [] as string[] };
  const [form, setForm] = useState(empty);
  return (
    <SuggestBox
      summary="Suggest a theme"
      what="for the plan"
      suggestion={() => ({
        kind: 'new_theme',
        ...form,
        title: form.title.trim(),
        why: form.why.trim(),
        message: '',
      })}
      onSent={() => setForm(empty)}
    >
      <Field
        label="Theme title"
        value={form.title}
        maxLength={200}
        required
        onChange={(e) => setForm({ ...form, title: e.target.value })}
      />
      <TextArea
        label="Why it matters"
        value={form.why}
        maxLength={2000}
        onChange={(e) => setForm({ ...form, why: e.target.value })}
      />
      {ideas && (
        <TargetsPicker
          areas={ideas.framework.areas}
          traits={ideas.framework.traits}
          selected={form}
          what="suggested theme"
          onChange={(next) => setForm({ ...form, ...next })}
        />
      )}
    </SuggestBox>
  );
}
