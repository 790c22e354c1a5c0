import { parseKeys } from '../../server/crypto/keys.js';

/**
 * PostgreSQL has no key file (decision 044): every test database there, every second instance
 * on one and every server process started on one uses these keys. SQLite tests get the real
 * default, a key file beside the database file.
 */
export const postgresTestKeys = parseKeys(
  `test-1:${Buffer.alloc(32, 7).toString('base64')}`,
  'the PostgreSQL test keys',
);
