import { Button } from '../../../ui/Button';
import { Field } from '../../../ui/Field';
import { TextArea } from '../../../ui/TextArea';
import { move, newTrait, update, type DraftTrait } from './framework-draft';
import { MoveButtons } from './MoveButtons';

/** Personality traits: a name and a description in words (never scored). */
export function TraitsEditor({
  traits,
  onChange,
}: {
  traits: DraftTrait[];
  onChange: (traits: DraftTrait[]) => void;
}) {
  const add = () => {
    const created = newTrait();
    onChange([...traits, created]);
    requestAnimationFrame(() => document.getElementById(`trait-name-${created.id}`)?.focus());
  };
  return (
    <section className="card" aria-labelledby="traits-editor-heading">
      <h2 id="traits-editor-heading">Personality traits</h2>
      <p className="section-intro">Curiosity, empathy, courage… described in words, never scored.</p>
      {traits.length === 0 && (
        <p className="empty-state">No traits. Add the ones that matter in your company.</p>
      )}
      <ol className="editor-list">
        {traits.map((t, i) => {
          const label = t.name.trim() || `trait ${i + 1}`;
          return (
            <li key={t.id} className="trait-editor">
              <Field
                label={`Trait ${i + 1}`}
                id={`trait-name-${t.id}`}
                value={t.name}
                required
                maxLength={80}
                onChange={(e) => onChange(update(traits, t.id, (x) => ({ ...x, name: e.target.value })))}
              />
              <TextArea
                label={`What ${label} looks like`}
                value={t.description}
                maxLength={600}
                rows={2}
                onChange={(e) =>
                  onChange(update(traits, t.id, (x) => ({ ...x, description: e.target.value })))
                }
              />
              <MoveButtons
                what={label}
                idPrefix={`trait-${t.id}`}
                index={i}
                count={traits.length}
                onMove={(d) => onChange(move(traits, i, d))}
                onRemove={() => onChange(traits.filter((x) => x.id !== t.id))}
              />
            </li>
          );
        })}
      </ol>
      <Button variant="secondary" onClick={add} disabled={traits.length >= 20}>
        Add a trait
      </Button>
    </section>
  );
}
