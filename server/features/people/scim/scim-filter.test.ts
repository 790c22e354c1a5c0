import { describe, expect, it } from 'vitest';
import { parseScimFilter } from './scim-filter.js';

describe('SCIM filters', () => {
  it('reads the userName and externalId equality filters Okta and Entra send', () => {
    expect(parseScimFilter('userName eq "pat@example.com"')).toEqual({
      attribute: 'userName',
      value: 'pat@example.com',
    });
    expect(parseScimFilter('externalId EQ "00u1\\"x"')).toEqual({ attribute: 'externalId', value: '00u1"x' });
    expect(parseScimFilter('USERNAME eq "a"')).toEqual({ attribute: 'userName', value: 'a' });
  });

  it('refuses anything else instead of guessing', () => {
    expect(parseScimFilter('userName co "pat"')).toBeNull();
    expect(parseScimFilter('userName eq "a" or userName eq "b"')).toBeNull();
    expect(parseScimFilter('emails.value eq "a"')).toBeNull();
  });
});
