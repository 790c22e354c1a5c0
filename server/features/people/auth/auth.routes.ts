import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { Email, Password, SessionState } from '../../../../common/schemas.js';
import type { App, AppEnv, Deps } from '../../../http/env.js';
import { AppError } from '../../../http/errors.js';
import { jsonBody, jsonRoute } from '../../../http/routes.js';
import { changePassword, signIn } from './accounts.js';
import { actorById, sessionState } from './me.js';
import {
  anonymousCsrfToken,
  clearSessionCookie,
  deviceToken,
  setSessionCookie,
} from './session-middleware.js';
import { devicePlace, rememberAddress } from './throttle.js';
import { endSession } from './sessions.js';
import { announce } from '../../../live/bus.js';

const tags = ['Auth'];

export function registerAuthRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const secure = deps.config.secureCookies;

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/session',
      access: 'public',
      summary: 'Who is signed in, and the CSRF token',
      tags,
      response: SessionState,
    }),
    async (c) => {
      const session = c.get('session');
      const csrfToken = session ? session.csrfToken : anonymousCsrfToken(c, secure);
      return c.json(await sessionState({ db, actor: c.get('actor'), csrfToken }), 200);
    },
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/auth/sign-in',
      access: 'public',
      summary: 'Sign in with email and password',
      tags,
      request: jsonBody(z.object({ email: Email, password: z.string().min(1, 'is required').max(200) })),
      response: SessionState,
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      // OIDC_ONLY (issue 23): passwords sign in only the break-glass admin, for when the provider is down.
      const only = deps.config.sso?.only ? deps.config.sso : null;
      if (only && email !== only.breakGlassEmail)
        throw new AppError('forbidden', `Password sign-in is off here. Sign in with ${only.displayName}.`);
      const started = await signIn({
        db,
        email,
        password,
        adminOnly: only !== null,
        address: c.get('clientAddress'),
        deviceToken: deviceToken(c, secure, false),
      });
      return c.json(await startBrowserSession(c, deps, started), 200);
    },
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/auth/sign-out',
      access: 'public',
      summary: 'Sign out of this browser (answers the signed-out state)',
      tags,
      response: SessionState,
    }),
    async (c) => {
      const session = c.get('session');
      if (session) {
        await endSession(db, session.tokenHash);
        // Its open live pages close too (decision 056).
        await announce(db, { kind: 'recheck', people: [session.actor.id] });
      }
      clearSessionCookie(c, secure);
      return c.json(await sessionState({ db, actor: null, csrfToken: anonymousCsrfToken(c, secure) }), 200);
    },
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/auth/password',
      access: 'signed-in',
      summary: 'Change password (ends every session, starts a new one here)',
      tags,
      request: jsonBody(
        z.object({ currentPassword: z.string().min(1, 'is required').max(200), newPassword: Password }),
      ),
      response: SessionState,
    }),
    async (c) => {
      const { currentPassword, newPassword } = c.req.valid('json');
      const started = await changePassword({
        db,
        actor: c.get('actor'),
        currentPassword,
        newPassword,
        hashing: deps.config.passwordHashing,
      });
      return c.json(await startBrowserSession(c, deps, started), 200);
    },
  );
}

/**
 * Sets the new session cookie and answers with the signed-in state. Every way in (first run,
 * accepting an invitation, sign-in, a password change) remembers this address and this browser
 * as the person's known places, so a new member's first password sign-in is not from an
 * "unknown" place and strangers' failures cannot lock them out of it (issue 19, row 14).
 */
export async function startBrowserSession(
  c: Context,
  deps: Deps,
  started: { token: string; csrfToken: string; userId: string },
) {
  const secure = deps.config.secureCookies;
  setSessionCookie(c, started.token, secure);
  const actor = await actorById(deps.db, started.userId);
  await rememberAddress(deps.db, actor.email, (c as Context<AppEnv>).get('clientAddress'));
  await rememberAddress(deps.db, actor.email, devicePlace(deviceToken(c, secure, true)!));
  return sessionState({ db: deps.db, actor, csrfToken: started.csrfToken });
}
