import { signedIn, type MatrixRow } from './types.js';

/**
 * Workspace insights (issue 11, decision 041): admins (the outsider is one, of their own workspace)
 * and people who coach someone; a PM who coaches no one, and a former coach, are refused. Every
 * member chooses for themself whether their scores count.
 */
export const insightsRows: MatrixRow[] = [
  {
    method: 'GET',
    path: '/api/insights',
    allowed: ['coach', 'otherCoach', 'admin', 'outsider'],
    request: () => ({ path: '/api/insights' }),
  },
  {
    method: 'GET',
    path: '/api/insights/my-choice',
    allowed: signedIn,
    request: () => ({ path: '/api/insights/my-choice' }),
  },
  {
    method: 'PUT',
    path: '/api/insights/my-choice',
    allowed: signedIn,
    request: () => ({ path: '/api/insights/my-choice', body: { counted: false } }),
  },
];
