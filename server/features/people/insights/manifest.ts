import type { FeatureManifest } from '../../manifest-types.js';

export const manifest = {
  insights_opt_outs: {
    key: ['user_id'],
    sealed: [],
    clear: {},
    erasure: { goes: 'with-account', column: 'user_id' },
    export: { not: 'a setting, no words' },
  },
} as const satisfies FeatureManifest;
