import { addMs, hashToken, newId, newToken, nowIso } from '../../../server/util.js';
import type { TestApp } from '../../support/test-app.js';
import type { World } from '../../support/world.js';
import { everyone, type MatrixRow } from './types.js';

/** A live reset link for the world's PM, made in the database (as a mailed one would be). */
async function resetTokenFor(app: TestApp, w: World) {
  const token = newToken();
  const now = nowIso();
  await app.deps.db
    .insertInto('password_resets')
    .values({
      id: newId(),
      user_id: w.pm.id,
      token_hash: hashToken(token),
      issued_by: null,
      created_at: now,
      expires_at: addMs(now, 60 * 60 * 1000),
      used_at: null,
    })
    .execute();
  return token;
}

/** Password reset (issue 23): anyone may ask or use a link; only the workspace's admin issues one. */
export const passwordResetRows: MatrixRow[] = [
  {
    method: 'GET',
    path: '/api/auth/password-reset',
    allowed: everyone,
    request: () => ({ path: '/api/auth/password-reset' }),
  },
  {
    method: 'POST',
    path: '/api/auth/password-reset',
    allowed: everyone,
    request: (w) => ({ path: '/api/auth/password-reset', body: { email: w.pm.email } }),
  },
  {
    method: 'GET',
    path: '/api/auth/password-reset/{token}',
    allowed: everyone,
    request: async (w, _r, app) => ({ path: `/api/auth/password-reset/${await resetTokenFor(app, w)}` }),
  },
  {
    method: 'POST',
    path: '/api/auth/password-reset/{token}',
    allowed: everyone,
    request: async (w, _r, app) => ({
      path: `/api/auth/password-reset/${await resetTokenFor(app, w)}`,
      body: { password: 'a brand new password' },
    }),
  },
  {
    method: 'POST',
    path: '/api/members/{id}/password-reset',
    allowed: ['admin'],
    request: (w) => ({ path: `/api/members/${w.pm.id}/password-reset` }),
  },
];
