import { useId } from 'react';

interface ScoreScaleProps {
  /** The statement being scored (the group's name). */
  statement: string;
  /** Unique name of the radio group (the statement key). */
  name: string;
  scale: { min: number; max: number };
  value: number | undefined;
  onChange: (value: number) => void;
  /** What the ends of the scale mean ("rarely true", "others learn it from me"). */
  ends: { low: string; high: string };
  disabled?: boolean;
}

/** Above this many points a row of buttons gets too long; a number field takes over. */
const MAX_BUTTONS = 11;

/** A score for one statement: a row of labelled radio buttons (arrow keys move along it). */
export function ScoreScale({ statement, name, scale, value, onChange, ends, disabled }: ScoreScaleProps) {
  const id = useId();
  const points = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
  const endsText = `${scale.min} = ${ends.low}; ${scale.max} = ${ends.high}`;
  if (points.length > MAX_BUTTONS) {
    return (
      <div className="field score-number">
        <label htmlFor={id}>{statement}</label>
        <p className="hint" id={`${id}-ends`}>
          {endsText}
        </p>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={scale.min}
          max={scale.max}
          value={value ?? ''}
          disabled={disabled}
          aria-describedby={`${id}-ends`}
          onChange={(e) => {
            const n = Number(e.target.value);
            if (e.target.value !== '' && Number.isInteger(n) && n >= scale.min && n <= scale.max) onChange(n);
          }}
        />
      </div>
    );
  }
  return (
    <fieldset
      className={`score-scale ${value === undefined ? 'unscored' : ''}`}
      id={`score-${name}`}
      aria-describedby={`${id}-ends`}
    >
      <legend>{statement}</legend>
      <div className={`segments segments-${points.length}`}>
        {points.map((p) => (
          <label key={p} className="segment">
            <input
              type="radio"
              className="segment-input"
              name={name}
              value={p}
              checked={value === p}
              disabled={disabled}
              onChange={() => onChange(p)}
            />
            <span className="segment-face">{p}</span>
          </label>
        ))}
      </div>
      <p className="scale-ends" id={`${id}-ends`}>
        <span>
          {scale.min} · {ends.low}
        </span>
        <span>
          {scale.max} · {ends.high}
        </span>
      </p>
    </fieldset>
  );
}
