import { useState, type FormEvent } from 'react';
import type { SessionState } from '../../../../../common/schemas';
import type { SingleSignOn } from '../../../../../common/single-sign-on';
import { api } from '../../../api';
import { useSession } from '../../../app/session';
import { Button } from '../../../ui/Button';
import { Field } from '../../../ui/Field';
import { FormError } from '../../../ui/FormError';
import { useAction } from '../../../ui/use-action';

/** Why the provider's sign-in did not get the person in, in words (server: single-sign-on/sign-in.ts). */
function refusalWords(reason: string, provider: string): string {
  switch (reason) {
    case 'not-invited':
      return `Your ${provider} account is not invited to this Wheelhouse. Ask your coach or workspace admin for an invitation, then try again.`;
    case 'unverified':
      return `${provider} did not confirm your email address, so Wheelhouse cannot use it. Ask your IT team to verify it, then try again.`;
    case 'turned-off':
      return 'Your company has turned this account off. Ask your Wheelhouse admin.';
    case 'unavailable':
      return `${provider} cannot be reached right now. Try again in a moment.`;
    case 'rate-limited':
      return 'Too many sign-in attempts from here. Try again in 15 minutes.';
    default:
      return `Signing in with ${provider} did not finish. Please try again.`;
  }
}

/**
 * The sign-in page's single sign-on part: the button, why the last try did not get in, the
 * provider's own sign-out after signing out here, and (when an account with the provider's
 * address exists) the one password that links the two.
 */
export function SingleSignOnChoice({
  sso,
  reason,
  signedOut,
}: {
  sso: SingleSignOn;
  reason: string | null;
  signedOut: boolean;
}) {
  const provider = sso.displayName ?? 'single sign-on';
  if (reason === 'prove') return <ProveAccount provider={provider} />;
  return (
    <div className="card form narrow single-sign-on">
      {signedOut && sso.providerSignOut && (
        <p role="status">
          You are signed out of Wheelhouse. <a href="/auth/oidc/sign-out">Sign out of {provider} too</a>
        </p>
      )}
      <FormError message={reason ? refusalWords(reason, provider) : ''} />
      <a className="button button-primary" href="/auth/oidc/start">
        Sign in with {provider}
      </a>
    </div>
  );
}

/** An account with the provider's address exists: its password, once, proves it is the same person. */
function ProveAccount({ provider }: { provider: string }) {
  const { setState } = useSession();
  const [password, setPassword] = useState('');
  const link = useAction(() => api<SessionState>('POST', '/api/auth/single-sign-on/link', { password }), {
    password: 'Password',
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const state = await link.run();
    if (state) {
      history.replaceState(null, '', '/');
      setState(state);
    }
  };
  return (
    <form className="card form narrow" onSubmit={submit} aria-label={`Link your ${provider} account`}>
      <p>
        You already have a Wheelhouse account with this email address. Enter its password once to link it to{' '}
        {provider}; from then on, {provider} signs you in.
      </p>
      <Field
        label="Your Wheelhouse password"
        type="password"
        name="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <FormError message={link.error} />
      <Button type="submit" pending={link.pending} pendingLabel="Linking…">
        Link and sign in
      </Button>
    </form>
  );
}
