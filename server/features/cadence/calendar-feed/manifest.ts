import type { FeatureManifest } from '../../manifest-types.js';

export const manifest = {
  calendar_feeds: {
    key: ['user_id'],
    sealed: [],
    clear: {},
    erasure: { goes: 'with-account', column: 'user_id' },
    export: { not: 'a secret link' },
  },
} as const satisfies FeatureManifest;
