import { EraseAccountRequest, ErasureSummary } from '../../../../common/erasure.js';
import { SessionState } from '../../../../common/schemas.js';
import type { Context } from 'hono';
import type { App, AppEnv, Deps } from '../../../http/env.js';
import { jsonBody, jsonRoute } from '../../../http/routes.js';
import { sessionState } from '../../people/auth/me.js';
import { anonymousCsrfToken, clearSessionCookie } from '../../people/auth/session-middleware.js';
import { eraseAccount, erasureSummary } from './erasure.js';
import { reclaimErasedSpace } from './reclaim.js';

const tags = ['Erasure'];

export function registerErasureRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/account/erasure',
      access: 'signed-in',
      summary: 'What erasing your account would take and leave, counted from your data',
      tags,
      response: ErasureSummary,
    }),
    async (c) => c.json(await erasureSummary({ db, actor: c.get('actor') }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/account/erasure',
      access: 'signed-in',
      summary: 'Erase your account and your coaching data, with your password (signs you out everywhere)',
      tags,
      request: jsonBody(EraseAccountRequest),
      response: SessionState,
    }),
    async (c) => {
      const { password } = c.req.valid('json');
      await eraseAccount({ db, actor: c.get('actor'), password, now: deps.now() });
      // The SQLite checkpoint is quick and awaited; PostgreSQL's VACUUM runs on after the answer.
      const reclaimed = reclaimErasedSpace({ db, log: deps.log });
      if (deps.engine === 'sqlite') await reclaimed;
      const secure = deps.config.secureCookies;
      clearSessionCookie(c, secure);
      // Answered as signed out: the person no longer exists (the helper takes the public context).
      const csrfToken = anonymousCsrfToken(c as unknown as Context<AppEnv>, secure);
      return c.json(await sessionState({ db, actor: null, csrfToken }), 200);
    },
  );
}
