import type { Pair } from '../../../../../common/schemas';
import { Link } from '../../../app/router';
import { EmptyState } from '../../../ui/EmptyState';
import { formatDate } from '../../../ui/format';
import { EndPairButton } from './EndPairButton';

/** Who coaches the signed-in PM, since when; the PM may end a pairing. */
export function YourCoaches({
  pairs,
  meId,
  onChanged,
}: {
  pairs: Pair[];
  meId: string;
  onChanged: () => void;
}) {
  if (pairs.length === 0) {
    return (
      <EmptyState>
        <p>
          No one coaches you right now. Your history stays yours; when a coach offers to coach you, you'll
          accept it here.
        </p>
      </EmptyState>
    );
  }
  return (
    <>
      <ul className="list">
        {pairs.map((pair) => (
          <li key={pair.id} className="list-item">
            <div className="item-main">
              <p className="item-title">{pair.coach.name}</p>
              <p className="item-meta">
                {pair.coach.email} · Your coach since {formatDate(pair.acceptedAt ?? pair.createdAt)}
              </p>
            </div>
            <EndPairButton pair={pair} side="pm" onEnded={onChanged} />
          </li>
        ))}
      </ul>
      <p className="hint">
        Only you and your current coaches see your coaching data.{' '}
        <Link to={`/pms/${meId}`}>Your overview</Link> · <Link to="/access-log">Who looked at it</Link>
      </p>
    </>
  );
}
