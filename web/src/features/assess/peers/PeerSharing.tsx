import { useState } from 'react';
import { api } from '../../../api';
import { useAnnounce } from '../../../app/announcer';
import { FormError } from '../../../ui/FormError';
import { useAction } from '../../../ui/use-action';

/** The PM's switch: share this round's peer scores with the coach, or not. */
export function PeerSharing({
  roundId,
  coach,
  shared: initial,
}: {
  roundId: string;
  coach: string;
  shared: boolean;
}) {
  const announce = useAnnounce();
  const [shared, setShared] = useState(initial);
  const save = useAction((next: boolean) =>
    api<{ shared: boolean }>('PUT', `/api/rounds/${roundId}/peer-sharing`, { shared: next }),
  );
  // The box follows the click at once and goes back if the server refuses.
  const toggle = async (next: boolean) => {
    setShared(next);
    const result = await save.run(next);
    if (!result) {
      setShared(!next);
      return;
    }
    setShared(result.shared);
    announce(
      result.shared ? `${coach} can now see your peer scores.` : `${coach} no longer sees your peer scores.`,
    );
  };
  return (
    <div className="peer-sharing">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={shared}
          disabled={save.pending}
          onChange={(e) => void toggle(e.target.checked)}
        />
        Share peer scores with my coach, {coach}
      </label>
      <p className="hint">
        {save.pending
          ? 'Saving…'
          : shared
            ? `${coach} sees the peers' average next to yours.`
            : 'Only you see them now.'}
      </p>
      <FormError message={save.error} />
    </div>
  );
}
