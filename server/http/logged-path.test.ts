import { describe, expect, it } from 'vitest';
import { loggedPath } from './logged-path.js';

describe('the path written to the server log', () => {
  it('hides a calendar feed token and keeps every other path as it is', () => {
    expect(loggedPath('/calendar/s3cr3t-token.ics')).toBe('/calendar/[token]');
    expect(loggedPath('/api/pms/abc/plan')).toBe('/api/pms/abc/plan');
  });

  it('hides the token of an invitation or peer-review link, in the API and in the page address', () => {
    expect(loggedPath('/api/invitations/by-token/s3cr3t')).toBe('/api/invitations/by-token/[token]');
    expect(loggedPath('/api/invitations/by-token/s3cr3t/accept')).toBe(
      '/api/invitations/by-token/[token]/accept',
    );
    expect(loggedPath('/api/peer-reviews/s3cr3t')).toBe('/api/peer-reviews/[token]');
    expect(loggedPath('/invite/s3cr3t')).toBe('/invite/[token]');
    expect(loggedPath('/peer/s3cr3t')).toBe('/peer/[token]');
    expect(loggedPath('/api/invitations')).toBe('/api/invitations');
  });
});
