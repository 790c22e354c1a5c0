import type { FeatureManifest } from '../../manifest-types.js';

/** SCIM tokens (issue 23): the workspace's credential for its identity provider, only its hash. */
export const manifest = {
  scim_tokens: {
    key: ['id'],
    sealed: [],
    clear: { label: 'an admin’s name for the provider ("Okta"), listed on the admin page' },
    erasure: {
      goes: 'stays',
      why: 'the workspace’s credential, not a person’s; an erasure clears who created it',
    },
    export: { not: 'the workspace’s credential, not a PM’s data' },
  },
} as const satisfies FeatureManifest;
