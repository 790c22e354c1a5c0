import type { Pair } from '../../../../common/schemas';
import { Link } from '../../app/router';
import { Section } from '../../ui/Section';
import { PlanHints } from './PlanHints';

/** The PM's home: their development plan and shared vision, and what needs their attention. */
export function PmPlanSection({ meId }: { meId: string }) {
  return (
    <Section title="Your development plan">
      <PlanHints pmId={meId} pmFirst={null} />
      <p className="section-link">
        <Link to={`/pms/${meId}/plan`}>Open your plan</Link> ·{' '}
        <Link to={`/pms/${meId}/vision`}>Your shared vision</Link>
      </p>
    </Section>
  );
}

/** The coach's home: each PM's plan and shared vision, with what needs attention. */
export function CoachPlansSection({ myPms }: { myPms: Pair[] }) {
  if (myPms.length === 0) return null;
  return (
    <Section title="Plans and shared visions" intro="Each PM writes their own plan; you comment and suggest.">
      <ul className="list">
        {myPms.map((pair) => {
          const first = pair.pm.name.split(' ')[0] || pair.pm.name;
          return (
            <li key={pair.id} className="list-item">
              <div className="item-main">
                <p className="item-title">{pair.pm.name}</p>
                <PlanHints pmId={pair.pm.id} pmFirst={first} />
              </div>
              <p className="toolbar">
                <Link to={`/pms/${pair.pm.id}/plan`}>
                  Plan<span className="visually-hidden"> of {pair.pm.name}</span>
                </Link>
                <Link to={`/pms/${pair.pm.id}/vision`}>
                  Vision<span className="visually-hidden"> of {pair.pm.name}</span>
                </Link>
              </p>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
