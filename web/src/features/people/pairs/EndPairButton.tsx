import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Pair } from '../../../../../common/schemas';
import { api } from '../../../api';
import { useAnnounce } from '../../../app/announcer';
import { Button } from '../../../ui/Button';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { focusSectionHeading } from '../../../ui/focus';
import { useAction } from '../../../ui/use-action';

/** Ends an active pairing after a confirmation that says what ending means for each side. */
export function EndPairButton({
  pair,
  side,
  onEnded,
}: {
  pair: Pair;
  side: 'coach' | 'pm' | 'admin';
  onEnded: () => void;
}) {
  const announce = useAnnounce();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const end = useAction(() => api<Pair>('POST', `/api/pairs/${pair.id}/end`));
  const other = side === 'pm' ? pair.coach.name : pair.pm.name;
  const confirm = async () => {
    if (!(await end.run())) return;
    // Close the modal first: nothing outside it can take focus while it is open.
    flushSync(() => setOpen(false));
    focusSectionHeading(button.current);
    announce(
      side === 'admin'
        ? `${pair.coach.name} no longer coaches ${pair.pm.name}.`
        : `Your pairing with ${other} has ended.`,
    );
    onEnded();
  };
  const label =
    side === 'admin' ? `End pairing of ${pair.coach.name} and ${pair.pm.name}` : `End pairing with ${other}`;
  return (
    <>
      <Button ref={button} variant="secondary" onClick={() => setOpen(true)} aria-label={label}>
        End pairing
      </Button>
      <ConfirmDialog
        open={open}
        title={
          side === 'pm'
            ? `Stop being coached by ${other}?`
            : side === 'coach'
              ? `Stop coaching ${other}?`
              : 'End this pairing?'
        }
        confirmLabel="End pairing"
        pending={end.pending}
        error={end.error}
        onConfirm={confirm}
        onCancel={() => {
          setOpen(false);
          end.clearError();
        }}
      >
        {side === 'pm' && (
          <p>{other} will no longer see your assessments, plan or notes. Your history stays with you.</p>
        )}
        {side === 'coach' && (
          <p>You will no longer see {other}'s assessments, plan or notes. Their history stays with them.</p>
        )}
        {side === 'admin' && (
          <p>
            {pair.coach.name} will no longer coach {pair.pm.name} or see their coaching data. {pair.pm.name}'s
            history stays with them.
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
