import { Field } from '../../../ui/Field';
import { TextArea } from '../../../ui/TextArea';
import type { DraftArea } from './framework-draft';
import { MoveButtons } from './MoveButtons';
import { StatementsEditor } from './StatementsEditor';

interface AreaEditorProps {
  area: DraftArea;
  index: number;
  count: number;
  onChange: (area: DraftArea) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove?: () => void;
}

/** One skill area in the editor: name, description, what low/middle/high look like, statements. */
export function AreaEditor({ area, index, count, onChange, onMove, onRemove }: AreaEditorProps) {
  const label = area.name.trim() || `area ${index + 1}`;
  const set =
    (key: 'name' | 'description' | 'low' | 'middle' | 'high') => (e: { target: { value: string } }) =>
      onChange({ ...area, [key]: e.target.value });
  return (
    <section className="card area-editor" aria-labelledby={`area-heading-${area.id}`}>
      <div className="area-editor-head">
        <h3 id={`area-heading-${area.id}`} tabIndex={-1}>
          Area {index + 1}: {area.name.trim() || 'new area'}
        </h3>
        <MoveButtons
          what={label}
          idPrefix={`area-${area.id}`}
          index={index}
          count={count}
          onMove={onMove}
          onRemove={onRemove}
          removeLabel="Remove area"
        />
      </div>
      <Field
        label={`Name of area ${index + 1}`}
        id={`area-name-${area.id}`}
        value={area.name}
        required
        maxLength={80}
        onChange={set('name')}
      />
      <TextArea
        label="Description"
        value={area.description}
        maxLength={600}
        rows={2}
        onChange={set('description')}
      />
      <details className="levels-editor">
        <summary>What low, middle and high look like</summary>
        <TextArea label="Low" value={area.low} maxLength={600} rows={2} onChange={set('low')} />
        <TextArea label="Middle" value={area.middle} maxLength={600} rows={2} onChange={set('middle')} />
        <TextArea label="High" value={area.high} maxLength={600} rows={2} onChange={set('high')} />
      </details>
      <StatementsEditor area={area} areaLabel={label} onChange={onChange} />
    </section>
  );
}
