import type { FeatureManifest } from '../manifest-types.js';

export const manifest = {
  vision_proposals: {
    key: ['id'],
    sealed: [],
    clear: {
      next_bigger_challenge: 'issue 19 row 5: to seal',
      career_direction: 'issue 19 row 5: to seal',
      note: 'issue 19 row 5: to seal',
      proposed_side: 'an enum',
      status: 'an enum, filtered on',
    },
    erasure: { goes: 'with-pm', column: 'pm_id' },
    export: 'vision',
  },
} as const satisfies FeatureManifest;
