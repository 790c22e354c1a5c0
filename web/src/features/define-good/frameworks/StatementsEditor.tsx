import { useAnnounce } from '../../../app/announcer';
import { Button } from '../../../ui/Button';
import { move, newStatement, update, type DraftArea } from './framework-draft';
import { MoveButtons } from './MoveButtons';

/** The "is good at …" statements of one area: edit, reorder, add, remove (at least one stays). */
export function StatementsEditor({
  area,
  areaLabel,
  onChange,
}: {
  area: DraftArea;
  areaLabel: string;
  onChange: (area: DraftArea) => void;
}) {
  const announce = useAnnounce();
  const statements = area.statements;
  const set = (next: DraftArea['statements']) => onChange({ ...area, statements: next });
  const add = () => {
    const created = newStatement();
    set([...statements, created]);
    requestAnimationFrame(() => document.getElementById(`statement-${created.id}`)?.focus());
  };
  const remove = (index: number) => {
    set(statements.filter((_, i) => i !== index));
    announce(`Statement ${index + 1} removed from ${areaLabel}.`);
    const neighbour = statements[index + 1] ?? statements[index - 1];
    requestAnimationFrame(() => document.getElementById(`statement-${neighbour?.id}`)?.focus());
  };
  return (
    <fieldset className="statements-editor">
      <legend>Statements to score</legend>
      <ol className="editor-list">
        {statements.map((s, i) => {
          const label = `Statement ${i + 1} of ${areaLabel}`;
          return (
            <li key={s.id} className="editor-row">
              <label className="visually-hidden" htmlFor={`statement-${s.id}`}>
                {label}
              </label>
              <input
                id={`statement-${s.id}`}
                type="text"
                value={s.text}
                required
                maxLength={300}
                placeholder="Is good at …"
                onChange={(e) => set(update(statements, s.id, (x) => ({ ...x, text: e.target.value })))}
              />
              <MoveButtons
                what={`statement ${i + 1} of ${areaLabel}`}
                idPrefix={`statement-${s.id}`}
                index={i}
                count={statements.length}
                onMove={(d) => set(move(statements, i, d))}
                onRemove={statements.length > 1 ? () => remove(i) : undefined}
              />
            </li>
          );
        })}
      </ol>
      <Button variant="secondary" className="button-wrap" onClick={add} disabled={statements.length >= 12}>
        Add a statement to {areaLabel}
      </Button>
    </fieldset>
  );
}
