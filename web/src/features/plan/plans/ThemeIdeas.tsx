import type { ThemeIdea } from '../../../../../common/plans';
import { Link } from '../../../app/router';
import { EmptyState } from '../../../ui/EmptyState';
import { formatDate } from '../../../ui/format';
import { usePlan } from './plan-context';

const reasonWords = { dip: 'Dip', gap: 'Perception gap', low: 'Among your lowest' };

/** Theme ideas from the PM's latest revealed wheel (dips, gaps, lowest areas), one click each. */
export function ThemeIdeas({ pending, onUse }: { pending: boolean; onUse: (idea: ThemeIdea) => void }) {
  const { ideas, plan, pmId } = usePlan();
  if (!ideas) return <p className="loading">Loading ideas from your wheel…</p>;
  if (!ideas.round)
    return (
      <EmptyState>
        <p>
          No compared wheel round yet. Once you and your coach have both scored a round, ideas from it appear
          here. <Link to={`/pms/${pmId}/wheel`}>Open your wheel</Link>
        </p>
      </EmptyState>
    );
  const used = new Set(plan.themes.flatMap((t) => t.areas.map((a) => a.key)));
  const open = ideas.themeIdeas.filter((i) => !used.has(i.areaKey));
  return (
    <>
      <p className="hint">
        From “{ideas.round.title}”, compared on {formatDate(ideas.round.revealedAt)}.
      </p>
      {open.length === 0 ? (
        <EmptyState>
          <p>Your plan already covers every area the wheel points to. Write your own theme below.</p>
        </EmptyState>
      ) : (
        <ul className="list idea-list">
          {open.map((idea) => (
            <li key={idea.areaKey} className="list-item">
              <div className="item-main">
                <p className="item-title">
                  {idea.areaName}{' '}
                  {idea.reasons.map((r) => (
                    <span key={r} className={`badge badge-${r}`}>
                      {reasonWords[r]}
                    </span>
                  ))}
                </p>
                <p className="item-meta">{idea.why}</p>
                {idea.serves && <p className="item-meta">{idea.serves}</p>}
              </div>
              <button
                type="button"
                className="button button-secondary"
                disabled={pending}
                onClick={() => onUse(idea)}
              >
                Use this theme<span className="visually-hidden"> ({idea.areaName})</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
