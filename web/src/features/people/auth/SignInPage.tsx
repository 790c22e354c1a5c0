import { useState, type FormEvent } from 'react';
import type { SessionState } from '../../../../../common/schemas';
import { api } from '../../../api';
import { Page } from '../../../app/Page';
import { Link } from '../../../app/router';
import { useSession } from '../../../app/session';
import { Button } from '../../../ui/Button';
import { Field } from '../../../ui/Field';
import { FormError } from '../../../ui/FormError';
import { useAction } from '../../../ui/use-action';

const labels = { email: 'Email', password: 'Password' };

/** Sign-in; afterwards the page that was asked for shows (home, or a link someone followed). */
export function SignInPage() {
  const { setState } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useAction(() => api<SessionState>('POST', '/api/auth/sign-in', { email, password }), labels);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const state = await signIn.run();
    if (state) setState(state);
  };

  return (
    <Page title="Sign in" lead="Welcome back. Sign in to your Wheelhouse workspace.">
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
    </Page>
  );
}
