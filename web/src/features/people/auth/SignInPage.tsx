import { useState, type FormEvent } from 'react';
import type { SessionState } from '../../../../../common/schemas';
import type { SingleSignOn } from '../../../../../common/single-sign-on';
import { api } from '../../../api';
import { Page } from '../../../app/Page';
import { Link } from '../../../app/router';
import { useSession } from '../../../app/session';
import { useResource } from '../../../app/use-resource';
import { Button } from '../../../ui/Button';
import { Field } from '../../../ui/Field';
import { FormError } from '../../../ui/FormError';
import { useAction } from '../../../ui/use-action';
import { ExploreDemo } from '../demo/ExploreDemo';
import { SingleSignOnChoice } from '../single-sign-on/SingleSignOnChoice';

const labels = { email: 'Email', password: 'Password' };

/** Sign-in; afterwards the page that was asked for shows (home, or a link someone followed). */
export function SignInPage() {
  const { state: session, setState } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useAction(() => api<SessionState>('POST', '/api/auth/sign-in', { email, password }), labels);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const state = await signIn.run();
    if (state) setState(state);
  };

  // Single sign-on (issue 23): the button, and why the last try did not get in (?sso=…).
  const sso = useResource<SingleSignOn>('/api/auth/single-sign-on').data;
  const [query] = useState(() => new URLSearchParams(location.search));
  const reason = query.get('sso');
  const passwordForm = (
    <form className="card form narrow" onSubmit={submit}>
      <Field
        label="Email"
        type="email"
        name="email"
        autoComplete="username"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <Field
        label="Password"
        type="password"
        name="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <FormError message={signIn.error} />
      <Button type="submit" pending={signIn.pending} pendingLabel="Signing in…">
        Sign in
      </Button>
      <p className="hint">
        <Link to="/forgot-password">Forgot password?</Link>
      </p>
      <p className="hint">New here? Ask your coach or workspace admin for an invitation link.</p>
    </form>
  );
  return (
    <Page title="Sign in" lead="Welcome back. Sign in to your Wheelhouse workspace.">
      {sso?.enabled && <SingleSignOnChoice sso={sso} reason={reason} signedOut={query.has('signed-out')} />}
      {sso?.enabled && reason === 'prove' ? null : sso && !sso.passwordSignIn ? (
        <details className="narrow break-glass">
          <summary>Admin sign-in with a password</summary>
          {passwordForm}
        </details>
      ) : (
        passwordForm
      )}
      {/* Before setup only a demo can exist: offer it here too (its coach's password comes from npm run demo). */}
      {session.setupNeeded && <ExploreDemo onSignIn />}
    </Page>
  );
}
