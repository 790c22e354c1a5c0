import type { FeatureManifest } from '../../manifest-types.js';

export const manifest = {
  vision_proposals: {
    key: ['id'],
    sealed: ['next_bigger_challenge', 'career_direction', 'note'],
    clear: {
      proposed_side: 'an enum',
      status: 'an enum, filtered on',
    },
    erasure: { goes: 'with-pm', column: 'pm_id' },
    export: 'vision',
  },
} as const satisfies FeatureManifest;
