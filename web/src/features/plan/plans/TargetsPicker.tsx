import type { Target } from '../../../../../common/plans';

interface TargetsPickerProps {
  /** The framework's areas and traits a theme may serve. */
  areas: Target[];
  traits: Target[];
  selected: { areas: string[]; traits: string[] };
  onChange: (next: { areas: string[]; traits: string[] }) => void;
  /** Names the theme, so a screen reader hears which theme the boxes belong to. */
  what: string;
  disabled?: boolean;
}

/** Checkboxes for the skill areas and personality traits a theme serves, grouped Skills / Traits. */
export function TargetsPicker({ areas, traits, selected, onChange, what, disabled }: TargetsPickerProps) {
  const toggle = (group: 'areas' | 'traits', key: string, on: boolean) => {
    const keys = selected[group].filter((k) => k !== key);
    onChange({ ...selected, [group]: on ? [...keys, key] : keys });
  };
  const box = (group: 'areas' | 'traits', target: Target) => (
    <label key={target.key} className="checkbox target">
      <input
        type="checkbox"
        checked={selected[group].includes(target.key)}
        disabled={disabled}
        onChange={(e) => toggle(group, target.key, e.target.checked)}
      />
      {target.name}
    </label>
  );
  return (
    <fieldset className="targets">
      <legend>
        What it serves<span className="visually-hidden"> ({what})</span>
      </legend>
      <div className="target-groups">
        <fieldset className="target-group">
          <legend>Skills</legend>
          {areas.map((a) => box('areas', a))}
        </fieldset>
        {traits.length > 0 && (
          <fieldset className="target-group">
            <legend>Traits</legend>
            {traits.map((t) => box('traits', t))}
          </fieldset>
        )}
      </div>
    </fieldset>
  );
}

/** The keys of a theme's areas and traits, as the picker and the API take them. */
export const targetKeys = (theme: { areas: Target[]; traits: Target[] }) => ({
  areas: theme.areas.map((a) => a.key),
  traits: theme.traits.map((t) => t.key),
});
