import type { Pair } from '../../../../../common/schemas';
import { EmptyState } from '../../../ui/EmptyState';
import { formatDate } from '../../../ui/format';
import { EndPairButton } from './EndPairButton';

/** Who coaches whom in the workspace (names and state only, never coaching data). */
export function WorkspacePairs({ pairs, onChanged }: { pairs: Pair[]; onChanged: () => void }) {
  const current = pairs.filter((p) => p.status !== 'ended');
  if (current.length === 0) {
    return (
      <EmptyState>
        <p>
          No one is paired yet. A coach invites their PMs from their home page, or you pair two members below.
        </p>
      </EmptyState>
    );
  }
  return (
    <ul className="list">
      {current.map((pair) => (
        <li key={pair.id} className="list-item">
          <div className="item-main">
            <p className="item-title">
              {pair.coach.name} <span className="arrow">coaches</span> {pair.pm.name}
            </p>
            <p className="item-meta">
              {pair.status === 'active'
                ? `Since ${formatDate(pair.acceptedAt ?? pair.createdAt)}`
                : `Proposed ${formatDate(pair.createdAt)} · waiting for ${pair.pm.name} to accept`}
            </p>
          </div>
          {pair.status === 'active' && <EndPairButton pair={pair} side="admin" onEnded={onChanged} />}
        </li>
      ))}
    </ul>
  );
}
