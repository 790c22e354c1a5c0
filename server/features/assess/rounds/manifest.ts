import type { FeatureManifest } from '../../manifest-types.js';

/** Assessment rounds: the round, each side's assessment, scores, area notes, traits in words. */
export const manifest = {
  assessment_rounds: {
    key: ['id'],
    sealed: ['title'],
    clear: {},
    erasure: { goes: 'with-pm', column: 'pm_id' },
    export: 'rounds',
  },
  assessments: {
    key: ['id'],
    sealed: ['next_bigger_challenge'],
    clear: {
      side: 'an enum',
      area_scores: 'numbers (JSON)',
    },
    erasure: { goes: 'cascade', from: 'assessment_rounds' },
    export: 'rounds',
  },
  assessment_scores: {
    key: ['assessment_id', 'statement_key'],
    sealed: [],
    clear: { statement_key: 'a framework key' },
    erasure: { goes: 'cascade', from: 'assessments' },
    export: 'rounds',
  },
  assessment_notes: {
    key: ['assessment_id', 'area_key'],
    sealed: ['note'],
    clear: { area_key: 'a framework key' },
    erasure: { goes: 'cascade', from: 'assessments' },
    export: 'rounds',
  },
  round_traits: {
    key: ['round_id', 'side', 'trait_key'],
    sealed: ['words'],
    clear: { side: 'an enum', trait_key: 'a framework key' },
    erasure: { goes: 'cascade', from: 'assessment_rounds' },
    export: 'rounds',
  },
} as const satisfies FeatureManifest;
