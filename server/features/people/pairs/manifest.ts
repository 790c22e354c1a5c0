import type { FeatureManifest } from '../../manifest-types.js';

export const manifest = {
  pairs: {
    key: ['id'],
    sealed: [],
    clear: { status: 'an enum, filtered on' },
    erasure: { goes: 'with-pm', column: 'pm_id' },
    export: 'account',
  },
} as const satisfies FeatureManifest;
