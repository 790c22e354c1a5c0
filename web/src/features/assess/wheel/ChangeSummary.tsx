import type { Comparison } from '../../../../../common/wheel-rounds';
import { signed } from './scores';

/** What moved since the previous round: the biggest rise and drop of the self-scores and the coach's. */
export function ChangeSummary({ comparison }: { comparison: Comparison }) {
  if (!comparison.previousRoundId)
    return (
      <p className="empty-state">
        This is the first round, so there is nothing to compare with yet. The next round will show what
        changed.
      </p>
    );
  const lines = (['self', 'coach'] as const).map((side) => {
    const moves = comparison.areas
      .filter((a) => a.change[side] !== null)
      .map((a) => ({ name: a.name, by: a.change[side]! }));
    const up = moves.filter((m) => m.by >= 0.05).sort((a, b) => b.by - a.by)[0];
    const down = moves.filter((m) => m.by <= -0.05).sort((a, b) => a.by - b.by)[0];
    const who = side === 'self' ? 'Self-scores' : 'Coach scores';
    if (!up && !down) return `${who}: no change.`;
    return `${who}: ${[up && `biggest rise ${up.name} (${signed(up.by)})`, down && `biggest drop ${down.name} (${signed(down.by)})`].filter(Boolean).join(', ')}.`;
  });
  return (
    <>
      {lines.map((l) => (
        <p key={l}>{l}</p>
      ))}
      <p className="hint">Every area's change is in the table of scores above.</p>
    </>
  );
}
