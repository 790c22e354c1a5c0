import { useEffect, useId, useRef, useState, type ReactNode, type Ref } from 'react';

interface AutoFieldProps {
  label: ReactNode;
  value: string;
  /** Called with the new value when the person leaves a changed field. */
  onCommit: (value: string) => void;
  kind?: 'text' | 'date' | 'multiline';
  hint?: ReactNode;
  maxLength?: number;
  required?: boolean;
  id?: string;
  inputRef?: Ref<HTMLInputElement & HTMLTextAreaElement>;
}

/**
 * A date field that saves when the person leaves it (text fields save while typing: ui/autosave). While focused it keeps what is typed; otherwise it
 * follows the plan the server answered (after a save, an accepted suggestion, a refresh).
 */
export function AutoField({
  label,
  value,
  onCommit,
  kind = 'text',
  hint,
  maxLength,
  required,
  id,
  inputRef,
}: AutoFieldProps) {
  const generated = useId();
  const fieldId = id ?? generated;
  const [draft, setDraft] = useState(value);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setDraft(value);
  }, [value]);
  const common = {
    id: fieldId,
    value: draft,
    maxLength,
    required,
    ref: inputRef,
    'aria-describedby': hint ? `${fieldId}-hint` : undefined,
    onFocus: () => (focused.current = true),
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: () => {
      focused.current = false;
      if (draft.trim() !== value.trim()) onCommit(draft.trim());
      else setDraft(value);
    },
  };
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      {hint && (
        <p className="hint" id={`${fieldId}-hint`}>
          {hint}
        </p>
      )}
      {kind === 'multiline' ? <textarea rows={2} {...common} /> : <input type={kind} {...common} />}
    </div>
  );
}
