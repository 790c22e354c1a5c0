import type { FeatureManifest } from '../manifest-types.js';

export const manifest = {
  reflections: {
    key: ['id'],
    sealed: ['body'],
    clear: {
      kind: 'an enum',
      attached_kind: 'an enum',
      attached_label: 'a copy of what it is attached to (see decision 049)',
    },
    erasure: { goes: 'with-pm', column: 'pm_id' },
    export: 'reflections',
  },
} as const satisfies FeatureManifest;
