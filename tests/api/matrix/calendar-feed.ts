import { signedIn, type MatrixRow } from './types.js';

/** The person's own calendar feed (issue 9): every signed-in person manages only their own. */
export const calendarFeedRows: MatrixRow[] = [
  {
    method: 'GET',
    path: '/api/me/calendar-feed',
    allowed: signedIn,
    request: () => ({ path: '/api/me/calendar-feed' }),
  },
  {
    method: 'POST',
    path: '/api/me/calendar-feed',
    allowed: signedIn,
    request: () => ({ path: '/api/me/calendar-feed' }),
  },
  {
    method: 'DELETE',
    path: '/api/me/calendar-feed',
    allowed: signedIn,
    request: () => ({ path: '/api/me/calendar-feed' }),
  },
];
