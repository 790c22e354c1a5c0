import type { FeatureManifest } from '../../manifest-types.js';

export const manifest = {
  self_checks: {
    key: ['id'],
    sealed: ['note'],
    clear: { areas: 'framework keys (JSON)', area_scores: 'numbers (JSON)' },
    erasure: { goes: 'with-pm', column: 'pm_id' },
    export: 'self-checks',
  },
  self_check_scores: {
    key: ['self_check_id', 'statement_key'],
    sealed: [],
    clear: { statement_key: 'a framework key' },
    erasure: { goes: 'cascade', from: 'self_checks' },
    export: 'self-checks',
  },
  self_check_traits: {
    key: ['self_check_id', 'trait_key'],
    sealed: ['words'],
    clear: { trait_key: 'a framework key' },
    erasure: { goes: 'cascade', from: 'self_checks' },
    export: 'self-checks',
  },
} as const satisfies FeatureManifest;
