import { everyone, type MatrixRow } from './types.js';

/**
 * Single sign-on (issue 23). The matrix's app has no provider set up: the browser routes and the
 * link proof answer 404 to everyone and change nothing; tests/api/single-sign-on.test.ts drives
 * them against a real provider. The sign-in page's summary is public; the settings are any admin's.
 */
export const singleSignOnRows: MatrixRow[] = [
  ...(['/auth/oidc/start', '/auth/oidc/callback', '/auth/oidc/sign-out'] as const).map((path): MatrixRow => ({
    method: 'GET',
    path,
    allowed: [],
    refusedStatus: 404,
    request: () => ({ path: path === '/auth/oidc/callback' ? `${path}?code=a&state=b` : path }),
  })),
  {
    method: 'POST',
    path: '/api/auth/single-sign-on/link',
    allowed: [],
    refusedStatus: 404,
    request: () => ({ path: '/api/auth/single-sign-on/link', body: { password: 'a long test password' } }),
  },
  {
    method: 'GET',
    path: '/api/auth/single-sign-on',
    allowed: everyone,
    request: () => ({ path: '/api/auth/single-sign-on' }),
  },
  {
    method: 'GET',
    path: '/api/admin/single-sign-on',
    // The installation's settings: every workspace's admin reads them (as the public address).
    allowed: ['admin', 'outsider'],
    request: () => ({ path: '/api/admin/single-sign-on' }),
  },
];
