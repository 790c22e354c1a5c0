import type { ReactNode } from 'react';
import type { SaveOutcome } from '../../../ui/autosave/autosaver';
import { AutoSaveField } from '../../../ui/autosave/AutoSaveField';

/**
 * A session's multi-line note: saves while typing like every such field (decision 057). `field`
 * names it for the local draft, e.g. `session:<id>:private-note`.
 */
export function AutoSaveText({
  label,
  hint,
  field,
  value,
  onSave,
  rows = 5,
  disabled,
}: {
  label: ReactNode;
  hint?: ReactNode;
  field: string;
  value: string;
  onSave: (value: string, version: string) => Promise<SaveOutcome>;
  rows?: number;
  disabled?: boolean;
}) {
  return (
    <AutoSaveField
      label={label}
      hint={hint}
      field={field}
      value={value}
      save={onSave}
      multiline
      rows={rows}
      maxLength={20000}
      disabled={disabled}
    />
  );
}
