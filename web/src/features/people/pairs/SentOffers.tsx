import type { MouseEvent } from 'react';
import type { Pair } from '../../../../../common/schemas';
import { api } from '../../../api';
import { useAnnounce } from '../../../app/announcer';
import { Button } from '../../../ui/Button';
import { FormError } from '../../../ui/FormError';
import { focusSectionHeading } from '../../../ui/focus';
import { formatDate } from '../../../ui/format';
import { useAction } from '../../../ui/use-action';

/** Offers to coach that wait for the PM's answer; the coach may withdraw them. */
export function SentOffers({ pairs, onChanged }: { pairs: Pair[]; onChanged: () => void }) {
  if (pairs.length === 0) return null;
  return (
    <ul className="list" aria-label="Offers waiting for an answer">
      {pairs.map((pair) => (
        <SentOffer key={pair.id} pair={pair} onChanged={onChanged} />
      ))}
    </ul>
  );
}

function SentOffer({ pair, onChanged }: { pair: Pair; onChanged: () => void }) {
  if (pair.status === 'declined') {
    return (
      <li className="list-item">
        <div className="item-main">
          <p className="item-title">{pair.pm.name}</p>
          <p className="item-meta">
            Declined your offer on {formatDate(pair.endedAt ?? pair.createdAt)}. You can talk it over and
            offer again.
          </p>
        </div>
      </li>
    );
  }
  return <PendingOffer pair={pair} onChanged={onChanged} />;
}

function PendingOffer({ pair, onChanged }: { pair: Pair; onChanged: () => void }) {
  const announce = useAnnounce();
  const withdraw = useAction(() => api('POST', `/api/pairs/${pair.id}/decline`));
  const onWithdraw = async (event: MouseEvent<HTMLButtonElement>) => {
    const button = event.currentTarget;
    if ((await withdraw.run()) === undefined) return;
    focusSectionHeading(button);
    announce(`Offer to ${pair.pm.name} withdrawn.`);
    onChanged();
  };
  return (
    <li className="list-item">
      <div className="item-main">
        <p className="item-title">{pair.pm.name}</p>
        <p className="item-meta">Offered on {formatDate(pair.createdAt)} · waiting for them to accept</p>
        <FormError message={withdraw.error} />
      </div>
      <Button
        variant="secondary"
        pending={withdraw.pending}
        pendingLabel="Withdrawing…"
        onClick={onWithdraw}
        aria-label={`Withdraw offer to ${pair.pm.name}`}
      >
        Withdraw
      </Button>
    </li>
  );
}
