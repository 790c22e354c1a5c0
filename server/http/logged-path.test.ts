import { describe, expect, it } from 'vitest';
import { loggedPath } from './logged-path.js';

describe('the path written to the server log', () => {
  it('hides a calendar feed token and keeps every other path as it is', () => {
    expect(loggedPath('/calendar/s3cr3t-token.ics')).toBe('/calendar/[token]');
    expect(loggedPath('/api/pms/abc/plan')).toBe('/api/pms/abc/plan');
  });
});
