import { useId, useState } from 'react';
import type { Pair } from '../../../../../common/schemas';
import { Link } from '../../../app/router';
import { Button } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';
import { formatDate } from '../../../ui/format';
import { EndPairButton } from './EndPairButton';

/** The PMs a coach coaches now; each opens the PM's overview ("Open" first, ending kept behind "More"). */
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
            <p className="item-title">{pair.pm.name}</p>
            <p className="item-meta">
              {pair.pm.email} · Coaching since {formatDate(pair.acceptedAt ?? pair.createdAt)}
            </p>
          </div>
          <div className="actions">
            <Link className="button button-primary" to={`/pms/${pair.pm.id}`}>
              Open<span className="visually-hidden"> {pair.pm.name}</span>
            </Link>
            <MoreMenu pair={pair} onChanged={onChanged} />
          </div>
        </li>
      ))}
    </ul>
  );
}

/** A disclosure button: the rare, drastic action stays out of the way until asked for. */
function MoreMenu({ pair, onChanged }: { pair: Pair; onChanged: () => void }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="more-menu">
      <Button variant="secondary" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        More<span className="visually-hidden"> for {pair.pm.name}</span>
      </Button>
      <div id={id} hidden={!open}>
        <EndPairButton pair={pair} side="coach" onEnded={onChanged} />
      </div>
    </div>
  );
}
