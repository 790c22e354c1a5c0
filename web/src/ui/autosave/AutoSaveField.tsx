import { useId, type ReactNode, type Ref } from 'react';
import type { AutosaveState, SaveOutcome } from './autosaver';
import { useAutosave } from './use-autosave';
import '../../styles/autosave.css';

export interface AutoSaveFieldProps {
  label: ReactNode;
  /** Names the field for its local draft, e.g. `plan-theme:<id>:why`. */
  field: string;
  value: string;
  /** Sends the text with the version of the stored text it started from. */
  save: (text: string, version: string) => Promise<SaveOutcome>;
  multiline?: boolean;
  rows?: number;
  hint?: ReactNode;
  maxLength?: number;
  required?: boolean;
  disabled?: boolean;
  id?: string;
  inputRef?: Ref<HTMLInputElement & HTMLTextAreaElement>;
}

/**
 * A text field that saves about a second after typing stops, and at once on leaving it
 * (decision 057). It says where the words are, keeps them on this device until the server has
 * them, and when they were changed elsewhere meanwhile shows both texts for the person to choose.
 */
export function AutoSaveField(props: AutoSaveFieldProps) {
  const { label, hint, multiline, rows = 3, maxLength, required, disabled, inputRef } = props;
  const generated = useId();
  const id = props.id ?? generated;
  const { state, saver } = useAutosave({ field: props.field, value: props.value, save: props.save });
  const common = {
    id,
    value: state.text,
    maxLength,
    required,
    disabled,
    ref: inputRef,
    'aria-describedby': [hint ? `${id}-hint` : '', `${id}-state`].filter(Boolean).join(' '),
    onChange: (e: { target: { value: string } }) => saver.type(e.target.value),
    onBlur: () => void saver.flush(),
  };
  return (
    <div className="field autosave-field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {multiline ? <textarea rows={rows} {...common} /> : <input type="text" {...common} />}
      <div id={`${id}-state`} className="autosave-state" aria-live="polite">
        <StateLine state={state} retry={() => void saver.flush()} />
      </div>
      {state.status === 'conflict' && (
        <Conflict
          label={label}
          state={state}
          keepMine={() => saver.keepMine()}
          useTheirs={() => saver.useTheirs()}
        />
      )}
    </div>
  );
}

function StateLine({ state, retry }: { state: AutosaveState; retry: () => void }) {
  if (state.status === 'saving') return <p className="save-status">Saving…</p>;
  if (state.status === 'saved') return <p className="save-status save-saved">Saved.</p>;
  if (state.status === 'conflict')
    return (
      <p className="save-status save-failed">
        Not saved: this was changed in another tab or on another device while you were writing.
      </p>
    );
  if (state.status === 'failed')
    return (
      <p className="save-status save-failed">
        Not saved: {state.message}{' '}
        <button type="button" className="button button-secondary button-small" onClick={retry}>
          Retry
        </button>
      </p>
    );
  return null;
}

function Conflict({
  label,
  state,
  keepMine,
  useTheirs,
}: {
  label: ReactNode;
  state: AutosaveState;
  keepMine: () => void;
  useTheirs: () => void;
}) {
  const headingId = useId();
  return (
    <div role="group" className="autosave-conflict" aria-labelledby={headingId}>
      <p id={headingId}>
        <strong>Two versions of {label}: choose one</strong>
      </p>
      <p>Saved elsewhere:</p>
      <blockquote className="autosave-theirs">{state.theirs || '(empty)'}</blockquote>
      <p>Yours is in the field above. Both stay until you choose.</p>
      <div className="action-row">
        <button type="button" className="button button-primary button-small" onClick={keepMine}>
          Keep mine
        </button>
        <button type="button" className="button button-secondary button-small" onClick={useTheirs}>
          Use the one saved elsewhere
        </button>
      </div>
    </div>
  );
}
