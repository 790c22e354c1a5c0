import { useId } from 'react';
import type { QuestionVisibility } from '../../../../../common/questions';
import { useMe } from '../../../app/session';

/** Who sees a question you add: only you, or everyone in your workspace. */
export function VisibilityChoice({
  value,
  onChange,
}: {
  value: QuestionVisibility;
  onChange: (v: QuestionVisibility) => void;
}) {
  const me = useMe();
  const name = useId();
  const options: { key: QuestionVisibility; label: string }[] = [
    { key: 'private', label: 'Only me' },
    { key: 'workspace', label: `Everyone in ${me.workspace.name}` },
  ];
  return (
    <fieldset className="choice">
      <legend>Who sees it</legend>
      {options.map((o) => (
        <label key={o.key} className="radio">
          <input
            type="radio"
            name={name}
            value={o.key}
            checked={value === o.key}
            onChange={() => onChange(o.key)}
          />{' '}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
