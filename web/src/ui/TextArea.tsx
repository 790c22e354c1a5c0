import { useId, type ReactNode, type TextareaHTMLAttributes } from 'react';

type TextAreaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; hint?: ReactNode };

/** A labelled multi-line text field with an optional hint (the <textarea> sibling of ui/Field). */
export function TextArea({ label, hint, id, className, rows = 3, ...textarea }: TextAreaProps) {
  const generated = useId();
  const fieldId = id ?? generated;
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={fieldId}>{label}</label>
      {hint && (
        <p className="hint" id={`${fieldId}-hint`}>
          {hint}
        </p>
      )}
      <textarea
        id={fieldId}
        rows={rows}
        aria-describedby={hint ? `${fieldId}-hint` : undefined}
        {...textarea}
      />
    </div>
  );
}
