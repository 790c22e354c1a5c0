import { useState, type FormEvent } from 'react';
import { api } from '../../../api';
import { Page } from '../../../app/Page';
import { Link } from '../../../app/router';
import { useResource } from '../../../app/use-resource';
import { Button } from '../../../ui/Button';
import { Field } from '../../../ui/Field';
import { FormError } from '../../../ui/FormError';
import { LoadError, Loading } from '../../../ui/Loading';
import { useAction } from '../../../ui/use-action';

/** `/reset-password/{token}`: a new password through a reset link; afterwards, sign in with it. */
export default function ResetPasswordPage({ token }: { token: string }) {
  const preview = useResource<{ email: string }>(`/api/auth/password-reset/${encodeURIComponent(token)}`);
  const [done, setDone] = useState(false);
  if (done) {
    return (
      <Page
        title="Your new password is set"
        lead="You were signed out everywhere. Sign in with the new password."
      >
        <p>
          <Link to="/">Sign in</Link>
        </p>
      </Page>
    );
  }
  if (preview.error && [400, 404, 410].includes(preview.error.status)) {
    return (
      <Page
        title="This link can't be used"
        lead={
          preview.error.status === 410
            ? preview.error.message
            : 'Check that you opened the whole link from the email, or ask for a new one.'
        }
      >
        <p>
          <Link to="/forgot-password">Ask for a new link</Link> or <Link to="/">sign in</Link>.
        </p>
      </Page>
    );
  }
  if (preview.error) return <LoadError error={preview.error} retry={preview.reload} />;
  if (!preview.data) return <Loading what="Opening your link…" />;
  return <NewPassword token={token} email={preview.data.email} onDone={() => setDone(true)} />;
}

function NewPassword({ token, email, onDone }: { token: string; email: string; onDone: () => void }) {
  const [password, setPassword] = useState('');
  const set = useAction(
    () => api('POST', `/api/auth/password-reset/${encodeURIComponent(token)}`, { password }),
    { password: 'New password' },
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if ((await set.run()) !== undefined) onDone();
  };
  return (
    <Page
      title="Set a new password"
      lead="Once it is set, you are signed out everywhere, and the link stops working."
    >
      <form className="card form narrow" onSubmit={submit}>
        <Field label="Email" type="email" name="email" autoComplete="username" value={email} readOnly />
        <Field
          label="New password"
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
        <FormError message={set.error} />
        <Button type="submit" pending={set.pending} pendingLabel="Setting it…">
          Set password
        </Button>
      </form>
    </Page>
  );
}
