import { useState, type FormEvent } from 'react';
import type { CoachingSession } from '../../../../../common/coaching-sessions';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { Field } from '../../../ui/Field';
import { FormError } from '../../../ui/FormError';
import { useAction } from '../../../ui/use-action';

/**
 * Cancelling asks first: an optional reason the other person reads, and for a series whether it
 * is this one only or this one and every later one. The other person is told (in the app, and by
 * mail with a calendar cancellation when their email is on).
 */
export function CancelDialog({
  session,
  open,
  onClose,
  cancel,
}: {
  session: CoachingSession;
  open: boolean;
  onClose: () => void;
  cancel: (body: { reason: string; scope: 'this' | 'rest' }) => Promise<unknown>;
}) {
  const [reason, setReason] = useState('');
  const [scope, setScope] = useState<'this' | 'rest'>('this');
  const other = session.viewerSide === 'pm' ? session.coach.name : session.pm.name;
  const run = useAction(
    async () => {
      await cancel({ reason: reason.trim(), scope });
      onClose();
    },
    { reason: 'Reason' },
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run.run();
  };
  return (
    <Dialog open={open} pending={run.pending} onCancel={onClose}>
      {(titleId) => (
        <form className="form" onSubmit={submit}>
          <h2 id={titleId}>Cancel this coaching session?</h2>
          <p>{other} will be told, and it leaves both your calendars.</p>
          {session.series && (
            <fieldset className="choice">
              <legend>Which ones</legend>
              <label>
                <input
                  type="radio"
                  name="scope"
                  value="this"
                  checked={scope === 'this'}
                  onChange={() => setScope('this')}
                />{' '}
                Only this one
              </label>
              <label>
                <input
                  type="radio"
                  name="scope"
                  value="rest"
                  checked={scope === 'rest'}
                  onChange={() => setScope('rest')}
                />{' '}
                This one and all later ones ({session.series.repeats.toLowerCase()})
              </label>
            </fieldset>
          )}
          <Field
            label="Reason (optional)"
            value={reason}
            maxLength={300}
            hint={`${other} reads it.`}
            onChange={(e) => setReason(e.target.value)}
          />
          <FormError message={run.error} />
          <div className="actions">
            <Button variant="secondary" onClick={onClose} disabled={run.pending}>
              Keep it
            </Button>
            <Button type="submit" pending={run.pending} pendingLabel="Cancelling…">
              Cancel the coaching session
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
