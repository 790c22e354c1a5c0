import type { FeatureManifest } from '../../manifest-types.js';

export const manifest = {
  access_log_erasure: {
    key: ['only_row'],
    sealed: [],
    clear: {},
    erasure: { goes: 'stays', why: 'a guard row that exists only inside an erasure transaction' },
    export: { not: 'holds nothing' },
    sqliteOnly: true,
  },
} as const satisfies FeatureManifest;
