import { forwardRef, useId, useState } from 'react';
import { useAnnounce } from '../app/announcer';

interface CopyFieldProps {
  label: string;
  value: string;
  hint?: string;
}

/** A read-only value (an invitation link) with a Copy button. */
export const CopyField = forwardRef<HTMLInputElement, CopyFieldProps>(function CopyField(
  { label, value, hint },
  ref,
) {
  const id = useId();
  const announce = useAnnounce();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // Without clipboard access, select the text so Ctrl+C / Cmd+C works.
      const input = document.getElementById(id) as HTMLInputElement | null;
      input?.select();
      announce('Copying is blocked here: the link is selected, press Ctrl+C or Cmd+C to copy it.');
      return;
    }
    setCopied(true);
    announce('Link copied to the clipboard.');
  };
  return (
    <div className="field copy-field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div className="copy-row">
        <input
          id={id}
          ref={ref}
          type="text"
          readOnly
          value={value}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="button button-secondary" onClick={copy}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
    </div>
  );
});
