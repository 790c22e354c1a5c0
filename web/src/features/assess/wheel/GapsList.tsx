import type { PerceptionGap } from '../../../../../common/wheel-rounds';
import { gapSentence, type Perspective } from './perspective';
import { score } from './scores';

/** Perception gaps, largest first: where the PM rates higher than the coach, and lower. */
export function GapsList({ gaps, perspective }: { gaps: PerceptionGap[]; perspective: Perspective }) {
  const differ = gaps.filter((g) => g.higher !== 'same');
  const same = gaps.filter((g) => g.higher === 'same');
  return (
    <>
      {differ.length === 0 ? (
        <p>No gaps this round: you see every area the same way.</p>
      ) : (
        <ol className="gaps">
          {differ.map((g) => (
            <li key={g.areaKey} className={Math.abs(g.difference) >= 1.5 ? 'gap gap-large' : 'gap'}>
              <span className="gap-text">{gapSentence(g, perspective)}</span>{' '}
              <span className="item-meta">
                ({score(g.self)} vs {score(g.coach)})
              </span>
            </li>
          ))}
        </ol>
      )}
      {same.length > 0 && <p className="hint">Same score on {same.map((g) => g.areaName).join(', ')}.</p>}
    </>
  );
}
