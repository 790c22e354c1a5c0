import type { FeatureManifest } from '../../manifest-types.js';

/** Accounts, sign-in sessions and the sign-in throttle. */
export const manifest = {
  users: {
    key: ['id'],
    sealed: [],
    clear: {
      email: 'looked up at sign-in and unique: a query filters on it',
      name: 'shown to every member of the workspace and sorted on; erasure tombstones it',
      external_id: 'the identity provider’s id, matched by its SCIM filter (unique); erasure clears it',
    },
    erasure: { goes: 'tombstone' },
    export: 'account',
  },
  sessions: {
    key: ['token_hash'],
    sealed: [],
    clear: { csrf_token: 'a random token, no words' },
    erasure: { goes: 'with-account', column: 'user_id' },
    export: { not: 'sign-in secrets' },
  },
  sign_in_throttle: {
    key: ['key'],
    sealed: [],
    clear: { key: 'looked up on every sign-in; erasure deletes the keys carrying the address' },
    erasure: { goes: 'with-account', column: 'key' },
    export: { not: 'abuse protection, short-lived' },
  },
  sign_in_known_addresses: {
    key: ['email', 'address'],
    sealed: [],
    clear: { email: 'looked up on every sign-in', address: 'looked up on every sign-in' },
    erasure: { goes: 'with-account', column: 'email' },
    export: { not: 'abuse protection' },
  },
} as const satisfies FeatureManifest;
