import type { FeatureManifest } from '../../manifest-types.js';

/** Password reset links (issue 23): only their hash, single use, one hour. */
export const manifest = {
  password_resets: {
    key: ['id'],
    sealed: [],
    clear: {},
    erasure: { goes: 'with-account', column: 'user_id' },
    export: { not: 'sign-in secrets' },
  },
} as const satisfies FeatureManifest;
