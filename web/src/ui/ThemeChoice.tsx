import { useState } from 'react';
import { chooseTheme, storedTheme, type Theme } from '../app/theme';

const choices: { value: Theme; label: string }[] = [
  { value: 'system', label: 'System (as this device is set)' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** The account page's Light / Dark / System choice, kept in this browser. */
export function ThemeChoice() {
  const [theme, setTheme] = useState<Theme>(storedTheme);
  return (
    <section className="card" aria-labelledby="appearance-heading">
      <h2 id="appearance-heading">Appearance</h2>
      <fieldset className="choice">
        <legend>Colours</legend>
        {choices.map((choice) => (
          <label key={choice.value} className="radio">
            <input
              type="radio"
              name="theme"
              value={choice.value}
              checked={theme === choice.value}
              onChange={() => {
                setTheme(choice.value);
                chooseTheme(choice.value);
              }}
            />
            {choice.label}
          </label>
        ))}
        <p className="hint">Kept in this browser.</p>
      </fieldset>
    </section>
  );
}
