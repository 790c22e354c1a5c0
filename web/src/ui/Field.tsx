import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  /** A short explanation under the label, read out with the field. */
  hint?: ReactNode;
};

/** A labelled text input with an optional hint. */
export function Field({ label, hint, id, className, type = 'text', ...input }: FieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = `${inputId}-hint`;
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={inputId}>{label}</label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      <input id={inputId} type={type} aria-describedby={hint ? hintId : undefined} {...input} />
    </div>
  );
}
