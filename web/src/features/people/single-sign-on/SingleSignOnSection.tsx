import type { SingleSignOnSettings } from '../../../../../common/single-sign-on';
import { useResource } from '../../../app/use-resource';
import { Loaded } from '../../../ui/Loaded';
import { Section } from '../../../ui/Section';

/** The admin page's single sign-on settings, read-only: they come from the server's environment. */
export function SingleSignOnSection() {
  const resource = useResource<SingleSignOnSettings>('/api/admin/single-sign-on');
  return (
    <Section
      title="Single sign-on"
      intro="Set on the server with the OIDC_ variables (see the README); shown here to check them."
    >
      <Loaded resource={resource}>
        {(s) =>
          s.enabled ? (
            <dl className="settings-list">
              <dt>Provider</dt>
              <dd>{s.issuerUrl}</dd>
              <dt>Client ID</dt>
              <dd>{s.clientId}</dd>
              <dt>Button</dt>
              <dd>Sign in with {s.displayName}</dd>
              <dt>Who may join</dt>
              <dd>
                {s.allowedDomains.length
                  ? `People invited, and anyone at ${s.allowedDomains.join(', ')}`
                  : 'Only people invited'}
              </dd>
              <dt>Scopes</dt>
              <dd>{s.scopes}</dd>
              <dt>Password sign-in</dt>
              <dd>{s.only ? `Off, except for ${s.breakGlassEmail ?? 'no one'}` : 'On'}</dd>
              <dt>Redirect URI</dt>
              <dd>{s.redirectUri}</dd>
            </dl>
          ) : (
            <p>
              Off. To turn it on, register <strong>{s.redirectUri}</strong> as the redirect URI at your
              provider and set OIDC_ISSUER_URL, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET on the server.
            </p>
          )
        }
      </Loaded>
    </Section>
  );
}
