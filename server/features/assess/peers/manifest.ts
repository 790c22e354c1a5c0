import type { FeatureManifest } from '../../manifest-types.js';

export const manifest = {
  peer_invitations: {
    key: ['id'],
    sealed: ['name'],
    clear: {},
    erasure: { goes: 'cascade', from: 'assessment_rounds' },
    export: 'rounds',
  },
} as const satisfies FeatureManifest;
