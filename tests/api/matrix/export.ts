import type { MatrixRow } from './types.js';

/**
 * Issue 11: the export of everything (decision 042). The PM and their current coach download a
 * zip (a binary answer: the matrix checks the status only); everyone else gets the 404 of a
 * missing PM, as JSON, and changes nothing (not even the access log).
 */
export const exportRows: MatrixRow[] = [
  {
    method: 'GET',
    path: '/api/pms/{pmId}/export',
    allowed: ['self', 'coach'],
    coachingData: true,
    request: (w) => ({ path: `/api/pms/${w.pm.id}/export` }),
  },
];
