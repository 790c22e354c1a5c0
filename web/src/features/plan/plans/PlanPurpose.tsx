import { Link } from '../../../app/router';
import { formatDate } from '../../../ui/format';
import { usePlan } from './plan-context';

/**
 * What the plan serves, first on the page: the next bigger challenge and career direction the PM
 * and their coach agreed on (the seed's Example 1: "Leading the H2 strategy planning").
 */
export function PlanPurpose() {
  const { plan, pm, pmId } = usePlan();
  const purpose = plan.purpose;
  return (
    <section className="card plan-purpose" aria-labelledby="plan-purpose-heading">
      <h2 id="plan-purpose-heading">What this plan serves</h2>
      {purpose ? (
        <>
          {purpose.nextBiggerChallenge && (
            <p>
              <span className="label">Next bigger challenge:</span> {purpose.nextBiggerChallenge}
            </p>
          )}
          {purpose.careerDirection && (
            <p>
              <span className="label">Career direction:</span> {purpose.careerDirection}
            </p>
          )}
          <p className="item-meta">
            {purpose.agreedAt ? `Agreed on ${formatDate(purpose.agreedAt)} · ` : ''}
            <Link to={`/pms/${pmId}/vision`}>The shared vision</Link>
          </p>
        </>
      ) : (
        <p>
          No shared vision agreed yet.{' '}
          {pm.isMe
            ? 'Agree with your coach on your next bigger challenge, so every theme can work towards it: '
            : `Agree with ${pm.first} on their next bigger challenge, so every theme can work towards it: `}
          <Link to={`/pms/${pmId}/vision`}>propose the shared vision</Link>.
        </p>
      )}
    </section>
  );
}
