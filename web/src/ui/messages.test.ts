import { describe, expect, test } from 'vitest';
import { humanMessage } from './messages';

describe('humanMessage', () => {
  test('names fields the way the form labels them', () => {
    expect(humanMessage('newPassword: must be at least 10 characters', { newPassword: 'New password' })).toBe(
      'New password must be at least 10 characters',
    );
  });
  test('handles several fields and leaves unknown ones and plain sentences alone', () => {
    expect(
      humanMessage('email: is not a valid email address; name: is required', { name: 'Your name' }),
    ).toBe('email: is not a valid email address; Your name is required');
    expect(humanMessage('That email and password do not match an account.', { email: 'Email' })).toBe(
      'That email and password do not match an account.',
    );
  });
});
