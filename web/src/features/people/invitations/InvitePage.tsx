import { useState, type FormEvent } from 'react';
import type { Invitation, SessionState } from '../../../../../common/schemas';
import type { SingleSignOn } from '../../../../../common/single-sign-on';
import { api } from '../../../api';
import { Page } from '../../../app/Page';
import { Link, navigate } from '../../../app/router';
import { useSession } from '../../../app/session';
import { useResource } from '../../../app/use-resource';
import { Button } from '../../../ui/Button';
import { Field } from '../../../ui/Field';
import { FormError } from '../../../ui/FormError';
import { LoadError, Loading } from '../../../ui/Loading';
import { useAction } from '../../../ui/use-action';

interface Preview {
  email: string;
  kind: Invitation['kind'];
  inviterName: string;
  workspaceName: string;
}

/** `/invite/{token}`: what the invitation offers, and sign-up with a name and password. */
export default function InvitePage({ token }: { token: string }) {
  const preview = useResource<Preview>(`/api/invitations/by-token/${encodeURIComponent(token)}`);
  if (preview.error?.status === 404 || preview.error?.status === 400) {
    return (
      <Page
        title="This invitation link isn't valid"
        lead="Check that you opened the whole link from the message you received, or ask the person who invited you for a new one."
      >
        <p>
          Already have an account? <Link to="/">Sign in</Link>.
        </p>
      </Page>
    );
  }
  if (preview.error?.status === 410) {
    return (
      <Page title="This invitation can't be used" lead={preview.error.message}>
        <p>
          Already have an account? <Link to="/">Sign in</Link>.
        </p>
      </Page>
    );
  }
  if (preview.error) return <LoadError error={preview.error} retry={preview.reload} />;
  if (!preview.data) return <Loading what="Opening your invitation…" />;
  return <SignUp token={token} preview={preview.data} />;
}

function SignUp({ token, preview }: { token: string; preview: Preview }) {
  const { state, setState } = useSession();
  // With single sign-on the invitation can be taken up through the provider (issue 23).
  const sso = useResource<SingleSignOn>('/api/auth/single-sign-on').data;
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const accept = useAction(
    () =>
      api<SessionState>('POST', `/api/invitations/by-token/${encodeURIComponent(token)}/accept`, {
        name,
        password,
      }),
    { name: 'Your name', password: 'Password' },
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next = await accept.run();
    if (!next) return;
    navigate('/', { replace: true });
    setState(next);
  };
  const lead =
    preview.kind === 'pm'
      ? `${preview.inviterName} invited you to join ${preview.workspaceName} on Wheelhouse, where they'll coach you. What you write here stays between you and your coaches.`
      : `${preview.inviterName} invited you to join ${preview.workspaceName} on Wheelhouse.`;
  return (
    <Page title={`Join ${preview.workspaceName}`} lead={lead}>
      {state.me && (
        <p className="notice">
          You're signed in as {state.me.name}. Creating this account signs you out of that one in this
          browser.
        </p>
      )}
      {sso?.enabled && (
        <div className="card form narrow single-sign-on">
          <p>
            Join with your {sso.displayName} account for {preview.email}.
          </p>
          <a className="button button-primary" href="/auth/oidc/start">
            Join with {sso.displayName}
          </a>
        </div>
      )}
      {sso?.passwordSignIn !== false && (
        <form className="card form narrow" onSubmit={submit}>
          <Field
            label="Email"
            type="email"
            value={preview.email}
            readOnly
            hint="The invitation was sent to this address."
          />
          <Field
            label="Your name"
            name="name"
            autoComplete="name"
            required
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <Field
            label="Password"
            hint="At least 10 characters."
            type="password"
            name="password"
            autoComplete="new-password"
            required
            minLength={10}
            maxLength={200}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <FormError message={accept.error} />
          <Button type="submit" pending={accept.pending} pendingLabel="Creating your account…">
            Create account
          </Button>
        </form>
      )}
    </Page>
  );
}
