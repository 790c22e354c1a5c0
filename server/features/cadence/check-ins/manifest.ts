import type { FeatureManifest } from '../../manifest-types.js';

export const manifest = {
  check_ins: {
    key: ['id'],
    sealed: ['why', 'about_title'],
    clear: { emotions: 'emotion keys (JSON)', about_kind: 'an enum' },
    erasure: { goes: 'with-pm', column: 'pm_id' },
    export: 'check-ins',
  },
  pulses: {
    key: ['id'],
    sealed: ['higher'],
    clear: {
      target_kind: 'an enum',
      target_key: 'a framework key',
      area_key: 'a framework key',
      target_name: 'a framework area or trait name',
    },
    erasure: { goes: 'with-pm', column: 'pm_id' },
    export: 'pulses',
  },
} as const satisfies FeatureManifest;
