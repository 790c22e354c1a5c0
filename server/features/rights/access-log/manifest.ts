import type { FeatureManifest } from '../../manifest-types.js';

export const manifest = {
  access_log: {
    key: ['id'],
    sealed: ['resource'],
    clear: { action: 'a rule action name, filtered on' },
    erasure: { goes: 'with-pm', column: 'pm_id' },
    export: 'access-log',
    appendOnly: true,
  },
} as const satisfies FeatureManifest;
