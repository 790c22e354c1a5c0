import type { PmSummary } from '../../../../../common/home';
import { Link } from '../../../app/router';
import type { Resource } from '../../../app/use-resource';
import { firstName } from '../../../ui/format';
import { Loaded } from '../../../ui/Loaded';
import { Section } from '../../../ui/Section';
import { planHints } from './plan-hints';

/** The PM's home: their development plan and shared vision, and what needs their attention. */
export function PmPlanSection({ meId, summary }: { meId: string; summary: Resource<PmSummary> }) {
  return (
    <Section title="Your development plan">
      <Loaded resource={summary}>
        {(mine) => <p className="item-meta">{planHints(mine, null).join(' ')}</p>}
      </Loaded>
      <p className="section-link">
        <Link to={`/pms/${meId}/plan`}>Open your plan</Link> ·{' '}
        <Link to={`/pms/${meId}/vision`}>Your shared vision</Link>
      </p>
    </Section>
  );
}

/** The coach's home: each PM's plan and shared vision, with what needs attention. */
export function CoachPlansSection({ coached }: { coached: Resource<PmSummary[]> }) {
  return (
    <Section title="Plans and shared visions" intro="Each PM writes their own plan; you comment and suggest.">
      <Loaded resource={coached}>
        {(summaries) => (
          <ul className="list">
            {summaries.map(({ pm, ...summary }) => (
              <li key={pm.id} className="list-item">
                <div className="item-main">
                  <p className="item-title">{pm.name}</p>
                  <p className="item-meta">{planHints(summary, firstName(pm.name)).join(' ')}</p>
                </div>
                <p className="toolbar">
                  <Link to={`/pms/${pm.id}/plan`}>
                    Plan<span className="visually-hidden"> of {pm.name}</span>
                  </Link>
                  <Link to={`/pms/${pm.id}/vision`}>
                    Vision<span className="visually-hidden"> of {pm.name}</span>
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </Section>
  );
}
