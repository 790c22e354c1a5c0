import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.js';
import { hashPassword, verifyPassword } from './passwords.js';

describe('password hashing', () => {
  it('is always the strong argon2id setting in a configuration read from the environment', async () => {
    // Whatever the environment says: the cheap setting is not an environment variable.
    const config = loadConfig({ ...process.env, PASSWORD_HASHING: 'fast-for-tests', NODE_ENV: 'test' });
    expect(config.passwordHashing).toBe('strong');
    const hash = await hashPassword('a long test password', config.passwordHashing);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await hashPassword('a long test password')).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('verifies a cheap test hash by the cost written in it', async () => {
    const hash = await hashPassword('a long test password', 'fast-for-tests');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=8,t=1,p=1\$/);
    expect(await verifyPassword(hash, 'a long test password')).toBe(true);
    expect(await verifyPassword(hash, 'another password')).toBe(false);
  });
});
