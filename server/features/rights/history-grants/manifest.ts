import type { FeatureManifest } from '../../manifest-types.js';

export const manifest = {
  history_grants: {
    key: ['id'],
    sealed: [],
    clear: { part: 'an enum' },
    erasure: { goes: 'with-pm', column: 'pm_id' },
    export: { not: 'a setting between the PM and a coach, no words' },
  },
} as const satisfies FeatureManifest;
