import { useState, type FormEvent } from 'react';
import type { SessionState } from '../../../../../common/schemas';
import { api } from '../../../api';
import { useAnnounce } from '../../../app/announcer';
import { Page } from '../../../app/Page';
import { Link } from '../../../app/router';
import { useMe, useSession } from '../../../app/session';
import { Button } from '../../../ui/Button';
import { Field } from '../../../ui/Field';
import { FormError } from '../../../ui/FormError';
import { ThemeChoice } from '../../../ui/ThemeChoice';
import { useAction } from '../../../ui/use-action';
import { InsightsChoiceCard } from '../insights/InsightsChoiceCard';
import { CalendarFeedSection } from '../../cadence/calendar-feed/CalendarFeedSection';
import { ExportSection } from '../../rights/export/ExportSection';
import { isPmIn, useMyPairs } from '../pairs/my-pairs';

const labels = { currentPassword: 'Current password', newPassword: 'New password' };

/** The signed-in person's account: who they are, and a password change. */
export default function AccountPage() {
  const me = useMe();
  const { setState } = useSession();
  const announce = useAnnounce();
  const { pairs } = useMyPairs();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const change = useAction(
    () => api<SessionState>('POST', '/api/auth/password', { currentPassword, newPassword }),
    labels,
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const state = await change.run();
    if (!state) return;
    setCurrent('');
    setNew('');
    setState(state);
    announce('Password changed. You stay signed in here; every other session was signed out.');
  };

  return (
    <Page title="Account">
      <section className="card" aria-labelledby="you-heading">
        <h2 id="you-heading">You</h2>
        <dl className="facts">
          <dt>Name</dt>
          <dd>{me.name}</dd>
          <dt>Email</dt>
          <dd>{me.email}</dd>
          <dt>Workspace</dt>
          <dd>
            {me.workspace.name}
            {me.isAdmin && ' (you are an admin)'}
          </dd>
        </dl>
      </section>
      <ThemeChoice />
      <InsightsChoiceCard />
      <CalendarFeedSection />
      <p className="card">
        <Link to="/account/notifications">Notifications: where nudges and reminders reach you, and when</Link>
      </p>
      {isPmIn(pairs, me.id) && <ExportSection pmId={me.id} pmName={me.name} isPm />}
      <p className="card">
        <Link to="/account/erase">Erase my account and my coaching data</Link>
      </p>
      <section className="card" aria-labelledby="password-heading">
        <h2 id="password-heading">Change password</h2>
        <p>
          You stay signed in on this device. Every other browser or device where you're signed in is signed
          out.
        </p>
        <form className="form narrow" onSubmit={submit}>
          <Field
            label="Current password"
            type="password"
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(e) => setCurrent(e.target.value)}
          />
          <Field
            label="New password"
            hint="At least 10 characters."
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            maxLength={200}
            value={newPassword}
            onChange={(e) => setNew(e.target.value)}
          />
          <FormError message={change.error} />
          <Button type="submit" pending={change.pending}>
            Change password
          </Button>
        </form>
      </section>
    </Page>
  );
}
