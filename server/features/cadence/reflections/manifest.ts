import type { FeatureManifest } from '../../manifest-types.js';

export const manifest = {
  reflections: {
    key: ['id'],
    sealed: ['body', 'attached_label'],
    clear: {
      kind: 'an enum',
      attached_kind: 'an enum',
    },
    erasure: { goes: 'with-pm', column: 'pm_id' },
    export: 'reflections',
  },
} as const satisfies FeatureManifest;
