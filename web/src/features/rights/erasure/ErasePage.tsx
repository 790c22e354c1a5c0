import { useState, type FormEvent } from 'react';
import type { ErasureSummary } from '../../../../../common/erasure';
import type { SessionState } from '../../../../../common/schemas';
import { api } from '../../../api';
import { Page } from '../../../app/Page';
import { Link, navigate } from '../../../app/router';
import { useMe, useSession } from '../../../app/session';
import { useResource } from '../../../app/use-resource';
import { Button } from '../../../ui/Button';
import { Field } from '../../../ui/Field';
import { FormError } from '../../../ui/FormError';
import { Loaded } from '../../../ui/Loaded';
import { Section } from '../../../ui/Section';
import { useAction } from '../../../ui/use-action';
import { ExportSection } from '../export/ExportSection';

const labels = { password: 'Password', confirm: 'Confirmation' };

/**
 * Erase my account (decision 043): what goes and what stays, in words from the person's own data;
 * the export first; then the password and a confirmation. Success lands on a signed-out page.
 */
export default function ErasePage() {
  const me = useMe();
  const summary = useResource<ErasureSummary>('/api/account/erasure');
  return (
    <Page
      title="Erase your account"
      lead="This cannot be undone. Read what goes and what stays, take your export, then confirm with your password."
    >
      <Loaded resource={summary}>
        {(s) => (
          <>
            <Section title="What is erased">
              <ul>
                {s.goes.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </Section>
            <Section title="What stays">
              <ul>
                {s.stays.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </Section>
            <ExportSection pmId={me.id} pmName={me.name} isPm />
            {s.blockedBecause ? (
              <Section title="Before you can erase">
                <p role="status">{s.blockedBecause}</p>
              </Section>
            ) : (
              <ConfirmErasure />
            )}
          </>
        )}
      </Loaded>
      <p>
        <Link to="/account">Keep my account and go back</Link>
      </p>
    </Page>
  );
}

function ConfirmErasure() {
  const { setState } = useSession();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState(false);
  const erase = useAction(
    () => api<SessionState>('POST', '/api/account/erasure', { password, confirm }),
    labels,
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const state = await erase.run();
    if (!state) return;
    navigate('/account/erased', { replace: true });
    setState(state);
  };
  return (
    <Section
      title="Erase for good"
      intro="Everything listed under “What is erased” goes at once, in one step."
    >
      <form className="form narrow" onSubmit={submit}>
        <label className="checkbox">
          <input
            type="checkbox"
            required
            checked={confirm}
            onChange={(e) => setConfirm(e.currentTarget.checked)}
          />
          I understand my account and my coaching data are erased for good
        </label>
        <Field
          label="Your password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <FormError message={erase.error} />
        <Button type="submit" variant="danger" pending={erase.pending} pendingLabel="Erasing…">
          Erase my account
        </Button>
      </form>
    </Section>
  );
}
