import type { FeatureManifest } from '../manifest-types.js';

/** The development plan: versions, themes, their targets, actions, comments, suggestions. */
export const manifest = {
  plans: {
    key: ['id'],
    sealed: [],
    clear: {
      headline: 'issue 19 row 5: to seal',
      focus: 'issue 19 row 5: to seal',
      period_start: 'a date',
      period_end: 'a date',
    },
    erasure: { goes: 'with-pm', column: 'pm_id' },
    export: 'plans',
  },
  plan_themes: {
    key: ['id'],
    sealed: [],
    clear: {
      title: 'issue 19 row 5: to seal',
      why: 'issue 19 row 5: to seal',
      serves: 'issue 19 row 5: to seal',
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
    sealed: [],
    clear: {
      text: 'issue 19 row 5: to seal',
      evidence: 'issue 19 row 5: to seal',
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
    sealed: ['message', 'decline_reason'],
    clear: {
      kind: 'an enum',
      title: 'issue 19 row 5: to seal',
      why: 'issue 19 row 5: to seal',
      text: 'issue 19 row 5: to seal',
      targets: 'framework keys and names (JSON)',
      status: 'an enum, filtered on',
    },
    erasure: { goes: 'cascade', from: 'plans' },
    export: 'plans',
  },
} as const satisfies FeatureManifest;
