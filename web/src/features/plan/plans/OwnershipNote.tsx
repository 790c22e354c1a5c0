import { usePlan } from './plan-context';

/** How much of the plan the PM wrote, and a friendly warning when most of it came from the coach. */
export function OwnershipNote() {
  const { plan, pm } = usePlan();
  const { total, byPm, fromCoach, manyFromCoach } = plan.ownership;
  if (total === 0) return null;
  const isPm = plan.viewer.side === 'pm';
  const who = isPm ? 'You' : pm.first;
  const adopted =
    fromCoach === 0
      ? ''
      : isPm
        ? `; ${fromCoach} adopted from your coach's suggestions`
        : `; ${fromCoach} adopted from suggestions`;
  return (
    <div className={`ownership ${manyFromCoach ? 'plan-note ownership-warning' : ''}`}>
      <p className="ownership-count">
        <strong>
          {who} wrote {byPm} of {total} items
        </strong>
        {adopted}.
      </p>
      {manyFromCoach && (
        <p>
          {isPm
            ? 'Most of this plan came from your coach. It grows you best in your own words: reword the items so they sound like you, or add your own.'
            : `Most of this plan came from your suggestions. ${pm.first} owns the growth when they write the plan: try asking questions in comments instead of suggesting items.`}
        </p>
      )}
    </div>
  );
}
