import { useState, type FormEvent } from 'react';
import { api } from '../../../api';
import { Page } from '../../../app/Page';
import { Link } from '../../../app/router';
import { useResource } from '../../../app/use-resource';
import { Button } from '../../../ui/Button';
import { Field } from '../../../ui/Field';
import { FormError } from '../../../ui/FormError';
import { Loaded } from '../../../ui/Loaded';
import { useAction } from '../../../ui/use-action';

/** `/forgot-password`: a reset link by mail, or, without mail on this server, ask an admin. */
export default function ForgotPasswordPage() {
  const mode = useResource<{ byMail: boolean }>('/api/auth/password-reset');
  return (
    <Page title="Forgot your password?" lead="Set a new one with a link that works once, for one hour.">
      <Loaded resource={mode}>{({ byMail }) => (byMail ? <AskByMail /> : <AskAnAdmin />)}</Loaded>
    </Page>
  );
}

function AskAnAdmin() {
  return (
    <div className="card narrow">
      <p>
        This Wheelhouse doesn't send email. Ask your workspace admin for a reset link: they can make one on
        their Admin page and hand it to you.
      </p>
      <p>
        <Link to="/">Back to sign in</Link>
      </p>
    </div>
  );
}

function AskByMail() {
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const ask = useAction(() => api('POST', '/api/auth/password-reset', { email }), { email: 'Email' });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if ((await ask.run()) !== undefined) setSentTo(email);
  };
  if (sentTo) {
    return (
      <div className="card narrow" role="status">
        <p>
          If <strong>{sentTo}</strong> has a Wheelhouse account, a link to set a new password is on its way.
          It works for one hour. Nothing there? Check your spam folder, or ask your workspace admin.
        </p>
        <p>
          <Link to="/">Back to sign in</Link>
        </p>
      </div>
    );
  }
  return (
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
      <FormError message={ask.error} />
      <Button type="submit" pending={ask.pending} pendingLabel="Sending…">
        Send me a link
      </Button>
      <p className="hint">
        <Link to="/">Back to sign in</Link>
      </p>
    </form>
  );
}
