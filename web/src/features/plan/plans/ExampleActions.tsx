import type { PlanTheme } from '../../../../../common/plans';
import { usePlan } from './plan-context';

const kindLabels = { book: 'Book', practice: 'Practice', stretch: 'Stretch task', shadowing: 'Shadowing' };

/** Example actions for the areas and traits a theme serves, each added with one click. */
export function ExampleActions({
  theme,
  pending,
  onAdd,
}: {
  theme: PlanTheme;
  pending: boolean;
  onAdd: (text: string) => void;
}) {
  const { ideas } = usePlan();
  const keys = new Set([...theme.areas, ...theme.traits].map((t) => t.key));
  const sets = (ideas?.exampleActions ?? []).filter((s) => keys.has(s.key) && s.actions.length > 0);
  const taken = new Set(theme.actions.map((a) => a.text));
  if (sets.length === 0) return null;
  return (
    <details className="examples">
      <summary>
        Example actions<span className="visually-hidden"> for “{theme.title}”</span>
      </summary>
      {sets.map((set) => (
        <div key={`${set.kind}-${set.key}`} className="example-set">
          <h5 className="example-set-name">{set.name}</h5>
          <ul className="example-list">
            {set.actions.map((a) => (
              <li key={a.text} className="example">
                <div className="item-main">
                  <p className="item-title">
                    <span className="badge">{kindLabels[a.kind]}</span> {a.text}
                  </p>
                  <p className="item-meta">{a.detail}</p>
                </div>
                {taken.has(a.text) ? (
                  <span className="badge badge-accepted">In your plan</span>
                ) : (
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    disabled={pending}
                    onClick={() => onAdd(a.text)}
                  >
                    Add<span className="visually-hidden"> “{a.text}”</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </details>
  );
}
