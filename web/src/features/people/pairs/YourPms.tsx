import type { Pair } from '../../../../../common/schemas';
import { Link } from '../../../app/router';
import { EmptyState } from '../../../ui/EmptyState';
import { formatDate } from '../../../ui/format';
import { EndPairButton } from './EndPairButton';

/** The PMs a coach coaches now; each opens the PM's overview. */
export function YourPms({ pairs, onChanged }: { pairs: Pair[]; onChanged: () => void }) {
  if (pairs.length === 0) {
    return (
      <EmptyState>
        <p>
          No PMs yet. Invite the first one below: they'll get a link to join, and you're paired as soon as
          they sign up.
        </p>
      </EmptyState>
    );
  }
  return (
    <ul className="list">
      {pairs.map((pair) => (
        <li key={pair.id} className="list-item">
          <div className="item-main">
            <p className="item-title">
              <Link to={`/pms/${pair.pm.id}`}>{pair.pm.name}</Link>
            </p>
            <p className="item-meta">
              {pair.pm.email} · Coaching since {formatDate(pair.acceptedAt ?? pair.createdAt)}
            </p>
          </div>
          <EndPairButton pair={pair} side="coach" onEnded={onChanged} />
        </li>
      ))}
    </ul>
  );
}
