import type { FeatureManifest } from '../../manifest-types.js';

export const manifest = {
  questions: {
    key: ['id'],
    sealed: ['text'],
    clear: {
      areas: 'framework keys (JSON)',
      situations: 'situation keys (JSON)',
      visibility: 'an enum, filtered on',
    },
    erasure: { goes: 'stays', why: 'a coach’s bank: private ones go with their author, shared ones stay' },
    export: { not: 'the coach’s question bank, not the PM’s record' },
  },
  question_asked: {
    key: ['id'],
    sealed: [],
    clear: {},
    erasure: { goes: 'with-pm', column: 'pm_id' },
    export: 'coaching-sessions',
  },
} as const satisfies FeatureManifest;
