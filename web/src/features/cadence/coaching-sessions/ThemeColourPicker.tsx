import { useEffect, useId, useState } from 'react';
import type { Rag, ThemeColours } from '../../../../../common/coaching-sessions';
import { ragWords } from './colour-words';

const colours: Rag[] = ['red', 'amber', 'green'];

function ColourView({ label, view }: { label: string; view: ThemeColours['pm'] }) {
  return (
    <p className="colour-view">
      {label}:{' '}
      {view ? (
        <span className={`rag rag-${view.colour}`}>
          <span aria-hidden="true">{ragWords[view.colour].shape} </span>
          {ragWords[view.colour].letter} {ragWords[view.colour].word}
          {view.why && <span className="item-meta"> — {view.why}</span>}
        </span>
      ) : (
        <span className="item-meta">not set</span>
      )}
    </p>
  );
}

/**
 * One theme's red/amber/green with one line of why. The PM's choice is THE colour; a coach picks
 * their own view, shown beside it and never replacing it. A radio group with letters and words.
 */
export function ThemeColourPicker({
  theme,
  side,
  editable,
  onSet,
}: {
  theme: ThemeColours;
  side: 'pm' | 'coach';
  editable: boolean;
  onSet: (colour: Rag, why: string) => Promise<boolean>;
}) {
  const name = useId();
  const mine = side === 'pm' ? theme.pm : theme.coach;
  const other = side === 'pm' ? theme.coach : theme.pm;
  const [why, setWhy] = useState(mine?.why ?? '');
  useEffect(() => setWhy(mine?.why ?? ''), [mine?.why]);
  // The choice shows at once; the server's answer confirms it (or puts the saved one back).
  const [picked, setPicked] = useState<Rag | null>(mine?.colour ?? null);
  useEffect(() => setPicked(mine?.colour ?? null), [mine?.colour]);
  const choose = async (c: Rag) => {
    setPicked(c);
    if (!(await onSet(c, why.trim()))) setPicked(mine?.colour ?? null);
  };
  const legend = side === 'pm' ? `${theme.title}: your colour` : `${theme.title}: your view`;
  if (!editable)
    return (
      <div className="theme-colour">
        <p className="item-title">{theme.title}</p>
        <ColourView label="PM’s colour" view={theme.pm} />
        <ColourView label="Coach’s view" view={theme.coach} />
      </div>
    );
  return (
    <div className="theme-colour">
      <fieldset className="choice rag-choice">
        <legend>{legend}</legend>
        <div className="rag-options">
          {colours.map((c) => (
            <label key={c} className={`radio rag-option rag-${c}`}>
              <input
                type="radio"
                name={name}
                value={c}
                checked={picked === c}
                onChange={() => void choose(c)}
              />
              <span aria-hidden="true">{ragWords[c].shape}</span> {ragWords[c].letter} · {ragWords[c].word}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${name}-why`}>Why, in one line ({theme.title})</label>
        <input
          type="text"
          id={`${name}-why`}
          value={why}
          maxLength={200}
          onChange={(e) => setWhy(e.target.value)}
          onBlur={() => {
            if (mine && why.trim() !== mine.why) void onSet(mine.colour, why.trim());
          }}
        />
      </div>
      <ColourView label={side === 'pm' ? 'Your coach’s view' : 'The PM’s colour (the plan’s)'} view={other} />
    </div>
  );
}
