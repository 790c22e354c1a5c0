import type { FeatureManifest } from '../../manifest-types.js';

/** The development plan: versions, themes, their targets, actions, comments, suggestions. */
export const manifest = {
  plans: {
    key: ['id'],
    sealed: ['headline', 'focus'],
    clear: {
      period_start: 'a date',
      period_end: 'a date',
    },
    erasure: { goes: 'with-pm', column: 'pm_id' },
    export: 'plans',
  },
  plan_themes: {
    key: ['id'],
    sealed: ['title', 'why', 'serves'],
    clear: {
      origin: 'an enum',
    },
    erasure: { goes: 'cascade', from: 'plans' },
    export: 'plans',
  },
  plan_theme_targets: {
    key: ['theme_id', 'kind', 'key'],
    sealed: [],
    clear: { kind: 'an enum', key: 'a framework key', name: 'a framework area or trait name' },
    erasure: { goes: 'cascade', from: 'plan_themes' },
    export: 'plans',
  },
  plan_actions: {
    key: ['id'],
    sealed: ['text', 'evidence'],
    clear: {
      status: 'an enum',
      origin: 'an enum',
    },
    erasure: { goes: 'cascade', from: 'plans' },
    export: 'plans',
  },
  plan_comments: {
    key: ['id'],
    sealed: ['body'],
    clear: {},
    erasure: { goes: 'cascade', from: 'plans' },
    export: 'plans',
  },
  plan_suggestions: {
    key: ['id'],
    sealed: ['message', 'decline_reason', 'title', 'why', 'text'],
    clear: {
      kind: 'an enum',
      targets: 'framework keys and names (JSON)',
      status: 'an enum, filtered on',
    },
    erasure: { goes: 'cascade', from: 'plans' },
    export: 'plans',
  },
} as const satisfies FeatureManifest;
