import type { MatrixRow } from './types.js';

/** The workspace's public address (issue 12, row 12): its admin reads and changes it; an admin elsewhere, their own. */
export const publicAddressRows: MatrixRow[] = [
  {
    method: 'GET',
    path: '/api/workspace/public-address',
    allowed: ['admin', 'outsider'],
    request: () => ({ path: '/api/workspace/public-address' }),
  },
  {
    method: 'PUT',
    path: '/api/workspace/public-address',
    allowed: ['admin', 'outsider'],
    request: () => ({
      path: '/api/workspace/public-address',
      body: { address: 'https://wheelhouse.example.com' },
    }),
  },
];
