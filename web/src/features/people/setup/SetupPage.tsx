import { useState, type FormEvent } from 'react';
import type { SessionState } from '../../../../../common/schemas';
import { api } from '../../../api';
import { Page } from '../../../app/Page';
import { navigate } from '../../../app/router';
import { useSession } from '../../../app/session';
import { Button } from '../../../ui/Button';
import { Field } from '../../../ui/Field';
import { FormError } from '../../../ui/FormError';
import { useAction } from '../../../ui/use-action';
import { ExploreDemo } from '../demo/ExploreDemo';

const labels = {
  workspaceName: 'Workspace name',
  name: 'Your name',
  email: 'Email',
  password: 'Password',
  publicAddress: 'Address people use to reach Wheelhouse',
};

/** First run: creates the workspace and its first account, the admin. */
export default function SetupPage() {
  const session = useSession();
  const { setState } = session;
  // The address this browser used: invitation links start with it (the server never trusts a Host header).
  const [form, setForm] = useState({
    workspaceName: '',
    name: '',
    email: '',
    password: '',
    publicAddress: window.location.origin,
  });
  const setup = useAction((input: typeof form) => api<SessionState>('POST', '/api/setup', input), labels);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const state = await setup.run(form);
    if (!state) return;
    navigate('/', { replace: true });
    setState(state);
  };

  return (
    <Page
      title="Set up Wheelhouse"
      lead="Create your workspace. You'll be its admin, and you can coach PMs from the first minute."
    >
      <form className="card form narrow" onSubmit={submit}>
        <Field
          label="Workspace name"
          hint="Usually your company or product team, e.g. Acme Product."
          name="workspaceName"
          required
          maxLength={100}
          value={form.workspaceName}
          onChange={set('workspaceName')}
        />
        <Field
          label="Your name"
          name="name"
          autoComplete="name"
          required
          maxLength={100}
          value={form.name}
          onChange={set('name')}
        />
        <Field
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
          required
          value={form.email}
          onChange={set('email')}
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
          value={form.password}
          onChange={set('password')}
        />
        <Field
          label="Address people use to reach Wheelhouse"
          hint="Invitation links start with this. It's the address you opened this page with; change it if others reach this server by another name. You can change it later on the admin page."
          type="url"
          name="publicAddress"
          autoComplete="off"
          required
          maxLength={200}
          value={form.publicAddress}
          onChange={set('publicAddress')}
        />
        <FormError message={setup.error} />
        <Button type="submit" pending={setup.pending} pendingLabel="Creating workspace…">
          Create workspace
        </Button>
      </form>
      {!session.state.me && <ExploreDemo />}
    </Page>
  );
}
