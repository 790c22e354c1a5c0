import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/**
 * A multi-line field that saves when the person leaves it (as the plan's fields do), saying so.
 * While focused it keeps what is typed; otherwise it follows the server's answer.
 */
export function AutoSaveText({
  label,
  hint,
  value,
  onSave,
  rows = 5,
  disabled,
}: {
  label: ReactNode;
  hint?: ReactNode;
  value: string;
  onSave: (value: string) => Promise<boolean>;
  rows?: number;
  disabled?: boolean;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setDraft(value);
  }, [value]);
  const save = async () => {
    focused.current = false;
    if (draft === value) return;
    setState('saving');
    setState((await onSave(draft)) ? 'saved' : 'failed');
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <textarea
        id={id}
        rows={rows}
        value={draft}
        maxLength={20000}
        disabled={disabled}
        aria-describedby={[hint ? `${id}-hint` : '', `${id}-state`].filter(Boolean).join(' ')}
        onFocus={() => (focused.current = true)}
        onChange={(e) => {
          setDraft(e.target.value);
          setState('idle');
        }}
        onBlur={() => void save()}
      />
      <p className="hint save-state" id={`${id}-state`} aria-live="polite">
        {state === 'saving'
          ? 'Saving…'
          : state === 'saved'
            ? 'Saved.'
            : state === 'failed'
              ? 'Not saved: try again.'
              : 'Saves when you leave the field.'}
      </p>
    </div>
  );
}
