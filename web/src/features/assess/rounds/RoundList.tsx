import type { Round } from '../../../../../common/wheel-rounds';
import { Link } from '../../../app/router';
import { EmptyState } from '../../../ui/EmptyState';
import { formatDate } from '../../../ui/format';

/** Revealed rounds, newest first; each opens its wheel. */
export function RoundList({ rounds }: { rounds: Round[] }) {
  if (rounds.length === 0) {
    return (
      <EmptyState>
        <p>
          No finished rounds yet. Once both sides have submitted a round, its wheel appears here, and the
          history of each area below.
        </p>
      </EmptyState>
    );
  }
  return (
    <ul className="list">
      {rounds.map((r) => (
        <li key={r.id} className="list-item">
          <div className="item-main">
            <p className="item-title">
              <Link to={`/rounds/${r.id}`}>{r.title}</Link>
            </p>
            <p className="item-meta">
              Compared {formatDate(r.revealedAt ?? r.createdAt)} · with {r.coach.name} · {r.framework.name},
              version {r.framework.version}
              {r.peers && r.peers.submitted > 0
                ? ` · ${r.peers.submitted} peer${r.peers.submitted === 1 ? '' : 's'}`
                : ''}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
