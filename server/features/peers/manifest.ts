import type { FeatureManifest } from '../manifest-types.js';

export const manifest = {
  peer_invitations: {
    key: ['id'],
    sealed: [],
    clear: { name: 'issue 19 row 5: to seal' },
    erasure: { goes: 'cascade', from: 'assessment_rounds' },
    export: 'rounds',
  },
} as const satisfies FeatureManifest;
