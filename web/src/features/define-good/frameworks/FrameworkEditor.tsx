import { useState, type FormEvent } from 'react';
import type { Framework } from '../../../../../common/wheel';
import { api } from '../../../api';
import { useAnnounce } from '../../../app/announcer';
import { Link } from '../../../app/router';
import { Button } from '../../../ui/Button';
import { Field } from '../../../ui/Field';
import { FormError } from '../../../ui/FormError';
import { Select } from '../../../ui/Select';
import { useGo } from '../../../app/use-go';
import { useAction } from '../../../ui/use-action';
import { TextArea } from '../../../ui/TextArea';
import { AreaEditor } from './AreaEditor';
import { move, newArea, scaleChoices, toDraft, toInput, update, type Draft } from './framework-draft';
import { frameworkMessage } from './framework-messages';
import { TraitsEditor } from './TraitsEditor';

/** The editing form: everything stays a local draft until "Save as version N". */
export function FrameworkEditor({ framework }: { framework: Framework }) {
  const go = useGo();
  const announce = useAnnounce();
  const [draft, setDraft] = useState<Draft>(() => toDraft(framework.current));
  const save = useAction(async () => {
    try {
      return await api<Framework>('PUT', `/api/frameworks/${framework.id}`, {
        ...toInput(draft),
        baseVersion: framework.currentVersion,
      });
    } catch (e) {
      if (e instanceof Error)
        e.message = frameworkMessage(
          e.message,
          draft.areas.map((a) => a.name),
        );
      throw e;
    }
  });
  const scaleKey = `${draft.scale.min}-${draft.scale.max}`;
  const choices = scaleChoices.some((c) => `${c.min}-${c.max}` === scaleKey)
    ? scaleChoices
    : [...scaleChoices, { ...draft.scale, label: `${draft.scale.min} to ${draft.scale.max}` }];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const saved = await save.run();
    if (!saved) return;
    go(`/frameworks/${saved.id}`, `Saved as version ${saved.currentVersion}.`);
  };
  const addArea = () => {
    const created = newArea();
    setDraft({ ...draft, areas: [...draft.areas, created] });
    requestAnimationFrame(() => document.getElementById(`area-name-${created.id}`)?.focus());
  };
  const removeArea = (index: number) => {
    const removed = draft.areas[index]!;
    setDraft({ ...draft, areas: draft.areas.filter((_, i) => i !== index) });
    announce(`${removed.name || 'The area'} removed. It's gone once you save.`);
    const neighbour = draft.areas[index + 1] ?? draft.areas[index - 1];
    requestAnimationFrame(() => document.getElementById(`area-heading-${neighbour?.id}`)?.focus());
  };

  return (
    <form className="framework-editor" onSubmit={submit} noValidate>
      <section className="card form" aria-labelledby="framework-heading">
        <h2 id="framework-heading">Framework</h2>
        <Field
          label="Framework name"
          value={draft.name}
          required
          maxLength={100}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
        <TextArea
          label="Description"
          hint="Shown above the assessment: how to read the scale, what the framework is for."
          value={draft.description}
          maxLength={1000}
          onChange={(e) => setDraft({ ...draft, description: e.target.value })}
        />
        <Select
          label="Score scale"
          value={scaleKey}
          onChange={(e) => {
            const [min, max] = e.target.value.split('-').map(Number);
            setDraft({ ...draft, scale: { min: min!, max: max! } });
          }}
        >
          {choices.map((c) => (
            <option key={`${c.min}-${c.max}`} value={`${c.min}-${c.max}`}>
              {c.label}
            </option>
          ))}
        </Select>
      </section>
      <h2 className="editor-section-heading">Skill areas ({draft.areas.length})</h2>
      {draft.areas.map((area, i) => (
        <AreaEditor
          key={area.id}
          area={area}
          index={i}
          count={draft.areas.length}
          onChange={(next) => setDraft((d) => ({ ...d, areas: update(d.areas, area.id, () => next) }))}
          onMove={(delta) => setDraft((d) => ({ ...d, areas: move(d.areas, i, delta) }))}
          onRemove={draft.areas.length > 1 ? () => removeArea(i) : undefined}
        />
      ))}
      <div className="toolbar">
        <Button variant="secondary" onClick={addArea} disabled={draft.areas.length >= 16}>
          Add an area
        </Button>
      </div>
      <TraitsEditor traits={draft.traits} onChange={(traits) => setDraft((d) => ({ ...d, traits }))} />
      <div className="card save-bar">
        <FormError message={save.error} />
        <div className="toolbar">
          <Button type="submit" pending={save.pending} pendingLabel="Saving…">
            Save as version {framework.currentVersion + 1}
          </Button>
          <Link className="toolbar-link" to={`/frameworks/${framework.id}`}>
            Cancel
          </Link>
        </div>
      </div>
    </form>
  );
}
