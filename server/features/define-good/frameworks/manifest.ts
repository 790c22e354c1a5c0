import type { FeatureManifest } from '../../manifest-types.js';

export const manifest = {
  frameworks: {
    key: ['id'],
    sealed: [],
    clear: {
      name: 'a framework name, shared by the workspace and sorted on',
      default_for: 'an enum',
    },
    erasure: { goes: 'stays', why: 'a workspace framework; rounds of other PMs point at it' },
    export: 'rounds',
  },
  framework_versions: {
    key: ['id'],
    sealed: [],
    clear: { content: 'the framework text (areas, statements), shared by the workspace' },
    erasure: { goes: 'stays', why: 'a workspace framework; rounds of other PMs point at it' },
    export: 'rounds',
  },
} as const satisfies FeatureManifest;
