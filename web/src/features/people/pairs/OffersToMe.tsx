import type { Pair } from '../../../../../common/schemas';
import { api } from '../../../api';
import { useAnnounce } from '../../../app/announcer';
import { Button } from '../../../ui/Button';
import { FormError } from '../../../ui/FormError';
import { focusSectionHeading } from '../../../ui/focus';
import { formatDate } from '../../../ui/format';
import { useAction } from '../../../ui/use-action';

/** Offers to coach the signed-in PM, to accept or decline. */
export function OffersToMe({ pairs, onChanged }: { pairs: Pair[]; onChanged: () => void }) {
  return (
    <ul className="list">
      {pairs.map((pair) => (
        <Offer key={pair.id} pair={pair} onChanged={onChanged} />
      ))}
    </ul>
  );
}

function Offer({ pair, onChanged }: { pair: Pair; onChanged: () => void }) {
  const announce = useAnnounce();
  const accept = useAction(() => api('POST', `/api/pairs/${pair.id}/accept`));
  const decline = useAction(() => api('POST', `/api/pairs/${pair.id}/decline`));
  const act = async (button: HTMLButtonElement, action: typeof accept, message: string) => {
    if ((await action.run()) === undefined) return;
    focusSectionHeading(button);
    announce(message);
    onChanged();
  };
  const busy = accept.pending || decline.pending;
  return (
    <li className="list-item">
      <div className="item-main">
        <p className="item-title">
          {pair.proposedBy.id === pair.coach.id
            ? `${pair.coach.name} offered to coach you`
            : `${pair.proposedBy.name} suggested ${pair.coach.name} as your coach`}
        </p>
        <p className="item-meta">
          Offered on {formatDate(pair.createdAt)}. If you accept, {pair.coach.name} sees your assessments,
          plan and notes until either of you ends the pairing.
        </p>
        <FormError message={accept.error || decline.error} />
      </div>
      <div className="actions">
        <Button
          pending={accept.pending}
          pendingLabel="Accepting…"
          disabled={busy}
          onClick={(e) => act(e.currentTarget, accept, `${pair.coach.name} is now your coach.`)}
          aria-label={`Accept ${pair.coach.name} as your coach`}
        >
          Accept
        </Button>
        <Button
          variant="secondary"
          pending={decline.pending}
          pendingLabel="Declining…"
          disabled={busy}
          onClick={(e) => act(e.currentTarget, decline, `You declined ${pair.coach.name}'s offer.`)}
          aria-label={`Decline ${pair.coach.name}'s offer`}
        >
          Decline
        </Button>
      </div>
    </li>
  );
}
