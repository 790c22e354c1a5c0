import { useState } from 'react';
import type { CalendarFeed, CreatedCalendarFeed } from '../../../../../common/calendar-feed';
import { api } from '../../../api';
import { useAnnounce } from '../../../app/announcer';
import { useMe } from '../../../app/session';
import { useResource } from '../../../app/use-resource';
import { Button } from '../../../ui/Button';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { CopyField } from '../../../ui/CopyField';
import { FormError } from '../../../ui/FormError';
import { Loaded } from '../../../ui/Loaded';
import { formatDateTime } from '../../../ui/format';
import { useAction } from '../../../ui/use-action';
import { useMyPairs } from '../../people/pairs/my-pairs';

type Asking = 'replace' | 'revoke' | null;

/** The example names the other side of one of the reader's pairings, never the reader. */
function useExampleName(): string {
  const me = useMe();
  const pair = useMyPairs().pairs?.find((p) => p.status === 'active');
  if (!pair) return 'your coach';
  return (pair.pm.id === me.id ? pair.coach.name : pair.pm.name).split(' ')[0]!;
}

/** The account page's calendar feed: a secret address to subscribe to, shown once; replace or revoke it. */
export function CalendarFeedSection() {
  const feed = useResource<CalendarFeed>('/api/me/calendar-feed');
  const announce = useAnnounce();
  const exampleName = useExampleName();
  const [created, setCreated] = useState<CreatedCalendarFeed | null>(null);
  const [asking, setAsking] = useState<Asking>(null);
  const create = useAction(() => api<CreatedCalendarFeed>('POST', '/api/me/calendar-feed'));
  const revoke = useAction(() => api<CalendarFeed>('DELETE', '/api/me/calendar-feed'));

  const makeFeed = async () => {
    const made = await create.run();
    if (!made) return;
    setAsking(null);
    setCreated(made);
    feed.reload();
    announce('Your calendar feed address is ready. Copy it now: it is shown only this once.');
  };
  const revokeFeed = async () => {
    if (!(await revoke.run())) return;
    setAsking(null);
    setCreated(null);
    feed.reload();
    announce('Calendar feed revoked. Its address no longer works.');
  };

  return (
    <section className="card" aria-labelledby="calendar-feed-heading">
      <h2 id="calendar-feed-heading">Calendar</h2>
      <p>
        Subscribe to your coaching cadence in your own calendar: coaching sessions and weekly check-ins, plan
        refresh and vision revisit dates, and the days your actions are due. It shows names and kinds only
        (“Coaching session with {exampleName}”), never what your plan or notes say.
      </p>
      <Loaded resource={feed}>
        {(state) => (
          <>
            {created ? (
              <CopyField
                label="Your calendar feed address"
                value={created.url}
                hint="Shown only this once. Keep it secret: anyone with it sees your session times."
              />
            ) : state.exists ? (
              <p>
                You have a calendar feed since {formatDateTime(state.createdAt!)}. Its address was shown when
                you created it; if you lost it or it leaked, replace it.
              </p>
            ) : (
              <p>You have no calendar feed yet.</p>
            )}
            <FormError message={asking ? '' : create.error || revoke.error} />
            <div className="actions">
              {state.exists || created ? (
                <>
                  <Button variant="secondary" onClick={() => setAsking('replace')}>
                    Replace feed address
                  </Button>
                  <Button variant="danger" onClick={() => setAsking('revoke')}>
                    Revoke feed
                  </Button>
                </>
              ) : (
                <Button onClick={() => void makeFeed()} pending={create.pending} pendingLabel="Creating…">
                  Create calendar feed
                </Button>
              )}
            </div>
          </>
        )}
      </Loaded>
      <details className="more">
        <summary>How to subscribe</summary>
        <ul>
          <li>
            <strong>Google Calendar</strong> (on a computer): Other calendars, +, From URL; paste the address.
            Google refreshes it every few hours.
          </li>
          <li>
            <strong>Outlook</strong>: Add calendar, Subscribe from web; paste the address and give it a name.
          </li>
          <li>
            <strong>Apple Calendar</strong>: File, New Calendar Subscription (on iPhone: Settings, Calendar,
            Accounts, Add Subscribed Calendar); paste the address.
          </li>
        </ul>
      </details>
      <ConfirmDialog
        open={asking === 'replace'}
        title="Replace your calendar feed address?"
        confirmLabel="Replace address"
        pending={create.pending}
        error={create.error}
        onConfirm={() => void makeFeed()}
        onCancel={() => setAsking(null)}
      >
        <p>The current address stops working at once. Calendars subscribed to it need the new one.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={asking === 'revoke'}
        title="Revoke your calendar feed?"
        confirmLabel="Revoke feed"
        pending={revoke.pending}
        error={revoke.error}
        onConfirm={() => void revokeFeed()}
        onCancel={() => setAsking(null)}
      >
        <p>
          Its address stops working at once, and subscribed calendars stop updating. You can create a new one
          later.
        </p>
      </ConfirmDialog>
    </section>
  );
}
