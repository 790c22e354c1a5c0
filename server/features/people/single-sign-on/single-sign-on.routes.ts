import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import * as oidc from 'openid-client';
import { SessionState } from '../../../../common/schemas.js';
import { SingleSignOn, SingleSignOnSettings } from '../../../../common/single-sign-on.js';
import type { App, Deps } from '../../../http/env.js';
import { AppError } from '../../../http/errors.js';
import { jsonBody, jsonRoute } from '../../../http/routes.js';
import { authorizeWorkspace } from '../../../privacy/workspace-rules.js';
import { startBrowserSession } from '../auth/auth.routes.js';
import { createSession } from '../auth/sessions.js';
import { attemptSucceeded, reserveAttempt } from '../auth/throttle.js';
import { deviceToken, loadSession } from '../auth/session-middleware.js';
import { proveAndLink } from './proof.js';
import { providerConfiguration } from './provider.js';
import { addressKey, finishSignIn, startKey, startSignIn, type Refusal } from './sign-in.js';
import type { SsoConfig } from './sso-config.js';

const tags = ['Single sign-on'];
const ErrorJson = {
  description: 'Single sign-on is not set up',
  content: {
    'application/json': { schema: z.object({ error: z.object({ code: z.string(), message: z.string() }) }) },
  },
};

/** Over https the cookies carry `__Host-`, like the session's (no subdomain or http can set them). */
const cookieName = (base: 'wh_sso_state' | 'wh_sso_proof', secure: boolean) =>
  secure ? `__Host-${base}` : base;
/** The sign-out hint goes only to /auth/oidc/ (not with every API call): `__Secure-`, as `__Host-` needs path /. */
const hintCookie = (secure: boolean) => (secure ? '__Secure-wh_sso_hint' : 'wh_sso_hint');

/**
 * Single sign-on through OpenID Connect (issue 23, decision 053). The browser routes live under
 * /auth/oidc (the provider sends the person back to `<PUBLIC_URL>/auth/oidc/callback`); the
 * sign-in page reads /api/auth/single-sign-on, and finishes a link to a password account there.
 */
export function registerSingleSignOnRoutes(app: App, deps: Deps) {
  const { db, config } = deps;
  const secure = config.secureCookies;
  app.use('/auth/oidc/*', loadSession(deps));

  const ssoOrNotFound = (): SsoConfig => {
    if (!config.sso) throw new AppError('not_found', 'Single sign-on is not set up here.');
    return config.sso;
  };
  const toSignIn = (c: Context, reason: Refusal | 'prove' | 'rate-limited') =>
    c.redirect(`/sign-in?sso=${reason}`, 302);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/auth/oidc/start',
      summary: 'Starts single sign-on: to the provider (browsers only)',
      tags,
      responses: { 302: { description: 'To the provider, or back to the sign-in page' }, 404: ErrorJson },
    }),
    async (c) => {
      const sso = ssoOrNotFound();
      try {
        const { url, state } = await startSignIn({ db, sso, address: c.get('clientAddress') });
        // Lax: the provider's redirect back is a top-level navigation from its site.
        setCookie(c, cookieName('wh_sso_state', secure), state, {
          path: '/',
          httpOnly: true,
          sameSite: 'Lax',
          secure,
          maxAge: 10 * 60,
        });
        return c.redirect(url, 302);
      } catch (error) {
        if (error instanceof AppError && error.code === 'rate_limited') return toSignIn(c, 'rate-limited');
        if (error instanceof AppError && error.code === 'unavailable') return toSignIn(c, 'unavailable');
        throw error;
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/auth/oidc/callback',
      summary: 'Where the provider sends the person back (browsers only)',
      tags,
      responses: {
        302: { description: 'Signed in (home), or the sign-in page saying why not' },
        404: ErrorJson,
      },
    }),
    async (c) => {
      const sso = ssoOrNotFound();
      const address = c.get('clientAddress');
      const browserState = getCookie(c, cookieName('wh_sso_state', secure));
      deleteCookie(c, cookieName('wh_sso_state', secure), { path: '/', secure });
      // Counted like a password attempt from this address; a sign-in gives it back.
      try {
        await reserveAttempt(db, addressKey(address));
      } catch (error) {
        if (error instanceof AppError && error.code === 'rate_limited') return toSignIn(c, 'rate-limited');
        throw error;
      }
      const outcome = await finishSignIn({
        db,
        sso,
        query: new URL(c.req.url).searchParams,
        browserState,
        now: deps.now(),
      }).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'unavailable')
          return { kind: 'refused' as const, reason: 'unavailable' as const };
        throw error;
      });
      if (outcome.kind === 'refused') {
        deps.log.info({ reason: outcome.reason }, 'single sign-on refused');
        return toSignIn(c, outcome.reason);
      }
      await attemptSucceeded(db, addressKey(address));
      await attemptSucceeded(db, startKey(address));
      if (outcome.kind === 'prove') {
        setCookie(c, cookieName('wh_sso_proof', secure), outcome.secret, {
          path: '/',
          httpOnly: true,
          sameSite: 'Lax',
          secure,
          maxAge: 15 * 60,
        });
        return toSignIn(c, 'prove');
      }
      await startBrowserSession(c, deps, await createSession(db, outcome.userId));
      // The ID token, kept by this browser only, is the hint the provider's sign-out asks for.
      if (outcome.idToken)
        setCookie(c, hintCookie(secure), outcome.idToken, {
          path: '/auth/oidc/',
          httpOnly: true,
          sameSite: 'Lax',
          secure,
          maxAge: 30 * 24 * 60 * 60,
        });
      return c.redirect('/', 302);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/auth/oidc/sign-out',
      summary: "The provider's own sign-out, after signing out of Wheelhouse (browsers only)",
      tags,
      responses: { 302: { description: "To the provider's sign-out, or the sign-in page" }, 404: ErrorJson },
    }),
    async (c) => {
      const sso = ssoOrNotFound();
      const hint = getCookie(c, hintCookie(secure));
      deleteCookie(c, hintCookie(secure), { path: '/auth/oidc/', secure });
      const endSession = await providerConfiguration(sso)
        .then((p) =>
          p.serverMetadata().end_session_endpoint
            ? oidc.buildEndSessionUrl(p, hint ? { id_token_hint: hint } : {}).href
            : null,
        )
        .catch(() => null);
      return c.redirect(endSession ?? '/sign-in', 302);
    },
  );

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/auth/single-sign-on',
      access: 'public',
      summary: 'Whether single sign-on is set up, its button words, and whether passwords still sign in',
      tags,
      response: SingleSignOn,
    }),
    async (c) => {
      const sso = config.sso;
      const providerSignOut = sso
        ? await providerConfiguration(sso)
            .then((p) => Boolean(p.serverMetadata().end_session_endpoint))
            .catch(() => false)
        : false;
      return c.json(
        {
          enabled: sso !== null,
          displayName: sso?.displayName ?? null,
          passwordSignIn: !sso?.only,
          providerSignOut,
        },
        200,
      );
    },
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/auth/single-sign-on/link',
      access: 'public',
      summary:
        'Proves an existing password account after single sign-on found its address: the password, once, links the provider',
      tags,
      request: jsonBody(z.object({ password: z.string().min(1, 'is required').max(200) })),
      response: SessionState,
    }),
    async (c) => {
      const sso = ssoOrNotFound();
      const name = cookieName('wh_sso_proof', secure);
      const started = await proveAndLink({
        db,
        sso,
        secret: getCookie(c, name),
        password: c.req.valid('json').password,
        address: c.get('clientAddress'),
        deviceToken: deviceToken(c, secure, false),
      });
      deleteCookie(c, name, { path: '/', secure });
      return c.json(await startBrowserSession(c, deps, started), 200);
    },
  );

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/admin/single-sign-on',
      access: 'signed-in',
      summary: "Single sign-on's settings, read-only (from the server's environment; never the secret)",
      tags,
      response: SingleSignOnSettings,
    }),
    async (c) => {
      authorizeWorkspace({ actor: c.get('actor'), action: 'workspace:read-single-sign-on' });
      const sso = config.sso;
      return c.json(
        {
          enabled: sso !== null,
          issuerUrl: sso?.issuerUrl ?? null,
          clientId: sso?.clientId ?? null,
          displayName: sso?.displayName ?? null,
          allowedDomains: sso?.allowedDomains ?? [],
          scopes: sso?.scopes ?? null,
          only: sso?.only ?? false,
          breakGlassEmail: sso?.breakGlassEmail ?? null,
          redirectUri: sso?.redirectUri ?? `${config.publicUrl}/auth/oidc/callback`,
        },
        200,
      );
    },
  );
}
