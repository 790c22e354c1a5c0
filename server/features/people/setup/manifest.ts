import type { FeatureManifest } from '../../manifest-types.js';

/** The workspace itself (one per installation). */
export const manifest = {
  workspaces: {
    key: ['id'],
    sealed: [],
    clear: {
      name: 'the workspace name, shown on the sign-in page before anyone signs in',
      public_address: 'an address, read by links in mail before any key is needed',
    },
    erasure: { goes: 'stays', why: 'belongs to the workspace, not a person' },
    export: { not: 'the workspace, not the PM' },
  },
} as const satisfies FeatureManifest;
