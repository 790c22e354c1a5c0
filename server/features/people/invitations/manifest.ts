import type { FeatureManifest } from '../../manifest-types.js';

export const manifest = {
  invitations: {
    key: ['id'],
    sealed: [],
    clear: { email: 'matched when the invitation is accepted', kind: 'an enum' },
    erasure: { goes: 'with-account', column: 'email' },
    export: { not: 'the admin’s record of who was invited' },
  },
} as const satisfies FeatureManifest;
