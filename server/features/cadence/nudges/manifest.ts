import type { FeatureManifest } from '../../manifest-types.js';

export const manifest = {
  nudges: {
    key: ['id'],
    sealed: ['text', 'about_title'],
    clear: {
      about_kind: 'an enum',
      period: 'a period key',
    },
    erasure: { goes: 'with-pm', column: 'pm_id' },
    export: 'nudges',
  },
  nudge_responses: {
    key: ['id'],
    sealed: ['text'],
    clear: { reaction: 'an enum' },
    erasure: { goes: 'cascade', from: 'nudges' },
    export: 'nudges',
  },
} as const satisfies FeatureManifest;
