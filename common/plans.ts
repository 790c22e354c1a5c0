import { z } from '@hono/zod-openapi';
import { OneLine, Person, Side } from './schemas.js';
import { Key } from './wheel.js';
import { editVersions } from './edit-versions.js';

/**
 * The development plan the PM owns (issue 4) and the ideas the wheel gives for it: request and response
 * schemas shared by the server (validation, OpenAPI) and the web app (types).
 */

export const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const required = (max: number) => text(max).min(1, 'is required');
const oneLine = (max: number) => OneLine(max).min(1, 'is required');

/** A calendar date (no time of day), e.g. a due date or the end of the plan period. */
export const DateOnly = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2025-03-12')
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'is not a real date',
  );

// ---------------------------------------------------------------- plan building blocks

export const ActionStatus = z.enum(['not_started', 'in_progress', 'done', 'dropped']);
export type ActionStatus = z.infer<typeof ActionStatus>;

/** A framework area or personality trait a theme serves, with its name as the framework says it. */
export const Target = z.object({ key: z.string(), name: z.string() }).openapi('PlanTarget');
export type Target = z.infer<typeof Target>;

export const Attribution = z
  .object({
    origin: Side.describe('pm: the PM wrote it; coach: the coach suggested it and the PM adopted it'),
    suggestedBy: Person.nullable(),
    adoptedAt: z.string().nullable(),
    suggestionId: z.string().nullable(),
  })
  .openapi('Attribution');
export type Attribution = z.infer<typeof Attribution>;

export const PlanAction = z
  .object({
    id: z.string(),
    lineageId: z
      .string()
      .describe('Stays the same across plan versions, to follow an action through refreshes'),
    themeId: z.string(),
    text: z.string(),
    dueOn: z.string().nullable(),
    status: ActionStatus,
    evidence: z.string(),
    doneAt: z.string().nullable(),
    attribution: Attribution,
  })
  .openapi('PlanAction');
export type PlanAction = z.infer<typeof PlanAction>;

export const PlanTheme = z
  .object({
    id: z.string(),
    lineageId: z
      .string()
      .describe('Stays the same across plan versions, to follow a theme through refreshes'),
    title: z.string(),
    why: z.string(),
    serves: z
      .string()
      .describe(
        'How the theme serves the agreed next bigger challenge and career direction ("" when unsaid)',
      ),
    areas: z.array(Target),
    traits: z.array(Target),
    attribution: Attribution,
    actions: z.array(PlanAction),
  })
  .openapi('PlanTheme');
export type PlanTheme = z.infer<typeof PlanTheme>;

export const PlanComment = z
  .object({
    id: z.string(),
    themeId: z.string().nullable().describe('null: about the whole plan'),
    actionId: z.string().nullable(),
    author: Person,
    authorSide: Side,
    body: z.string(),
    private: z.boolean().describe('A private note: visible to its author only'),
    createdAt: z.string(),
  })
  .openapi('PlanComment');
export type PlanComment = z.infer<typeof PlanComment>;

export const SuggestionKind = z.enum(['new_theme', 'reword_theme', 'new_action', 'reword_action']);
export type SuggestionKind = z.infer<typeof SuggestionKind>;

export const PlanSuggestion = z
  .object({
    id: z.string(),
    kind: SuggestionKind,
    themeId: z.string().nullable().describe('The theme a new action or a rewording is for'),
    actionId: z.string().nullable().describe('The action a rewording is for'),
    proposal: z.object({
      title: z.string().nullable().describe('Theme title (new_theme, reword_theme)'),
      why: z.string().nullable().describe('Why the theme matters (new_theme, reword_theme)'),
      text: z.string().nullable().describe('Action text (new_action, reword_action)'),
      dueOn: z.string().nullable(),
      areas: z.array(Target),
      traits: z.array(Target),
    }),
    message: z.string().describe("The coach's note to the PM"),
    author: Person,
    status: z
      .enum(['open', 'accepted', 'declined', 'withdrawn', 'outdated'])
      .describe('outdated: the theme or action it was about was removed'),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
    declineReason: z.string().nullable(),
    result: z
      .object({ themeId: z.string().nullable(), actionId: z.string().nullable() })
      .nullable()
      .describe('What an accepted suggestion became'),
  })
  .openapi('PlanSuggestion');
export type PlanSuggestion = z.infer<typeof PlanSuggestion>;

export const Ownership = z
  .object({
    total: z.number().int().describe('Themes plus actions'),
    byPm: z.number().int().describe('Written by the PM'),
    fromCoach: z.number().int().describe("Adopted from the coach's suggestions"),
    coachShare: z.number().describe('fromCoach / total, 0 when empty'),
    manyFromCoach: z
      .boolean()
      .describe('Most of the plan came from the coach (the manager-owned plan pitfall)'),
  })
  .openapi('Ownership');
export type Ownership = z.infer<typeof Ownership>;

export const PlanWarning = z
  .object({
    code: z.enum([
      'few_themes',
      'many_themes',
      'theme_without_actions',
      'theme_without_focus',
      'no_trait',
      'many_from_coach',
      'refresh_due',
      'period_over',
    ]),
    message: z.string(),
    themeId: z.string().nullable(),
  })
  .openapi('PlanWarning');
export type PlanWarning = z.infer<typeof PlanWarning>;

export const Plan = z
  .object({
    id: z.string(),
    pmId: z.string(),
    version: z.number().int(),
    isCurrent: z.boolean().describe('Only the current version can change; older ones are read-only'),
    headline: z.string(),
    focus: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    startedAt: z.string(),
    replacedAt: z.string().nullable().describe('When a quarterly refresh replaced this version'),
    updatedAt: z.string(),
    refreshDueAt: z.string().describe('A quarter (90 days) after this version started'),
    refreshDue: z.boolean(),
    purpose: z
      .object({
        nextBiggerChallenge: z.string(),
        careerDirection: z.string(),
        agreedAt: z.string().nullable(),
      })
      .nullable()
      .describe('What the plan serves: the shared vision PM and coach last agreed on (null: none yet)'),
    themes: z.array(PlanTheme),
    ownership: Ownership,
    warnings: z.array(PlanWarning).describe('Gentle hints, never a hard stop'),
    comments: z
      .array(PlanComment)
      .describe('On this version, oldest first; private notes only for their author'),
    suggestions: z.array(PlanSuggestion).describe('On this version, newest first'),
    viewer: z.object({ side: Side, canEdit: z.boolean(), canSuggest: z.boolean() }),
  })
  .openapi('Plan');
export type Plan = z.infer<typeof Plan>;

export const CurrentPlan = z
  .object({ plan: Plan.nullable().describe('null: the PM has not started a plan yet') })
  .openapi('CurrentPlan');

export const PlanVersionInfo = z
  .object({
    version: z.number().int(),
    headline: z.string(),
    focus: z.string(),
    startedAt: z.string(),
    replacedAt: z.string().nullable(),
    isCurrent: z.boolean(),
  })
  .openapi('PlanVersionInfo');
export type PlanVersionInfo = z.infer<typeof PlanVersionInfo>;

// ---------------------------------------------------------------- requests

const Keys = z.array(Key).max(16, 'can have at most 16 entries');

export const ActionInput = z
  .object({
    text: required(500),
    dueOn: DateOnly.nullable().default(null),
    status: ActionStatus.default('not_started'),
    evidence: text(2000)
      .default('')
      .describe('What shows it is done, e.g. "presented the roadmap to the leadership team on 12 March"'),
  })
  .openapi('ActionInput');
export type ActionInput = z.infer<typeof ActionInput>;

export const ActionPatch = z
  .object({
    text: required(500),
    dueOn: DateOnly.nullable(),
    status: ActionStatus,
    evidence: text(2000),
    position: z.number().int().min(0),
  })
  .partial()
  .extend({ versions: editVersions(['text', 'evidence']) })
  .openapi('ActionPatch');
export type ActionPatch = z.infer<typeof ActionPatch>;

export const ThemeInput = z
  .object({
    title: oneLine(200),
    why: text(2000).default(''),
    serves: text(300)
      .optional()
      .describe('In a line: how it serves the next bigger challenge and career direction'),
    areas: Keys.default([]).describe("Keys of the framework areas it serves (the PM's framework)"),
    traits: Keys.default([]).describe('Keys of the personality traits it serves'),
    actions: z.array(ActionInput).max(20, 'can have at most 20 actions').default([]),
  })
  .openapi('ThemeInput');
export type ThemeInput = z.infer<typeof ThemeInput>;

export const ThemePatch = z
  .object({
    title: oneLine(200),
    why: text(2000),
    serves: text(300),
    areas: Keys,
    traits: Keys,
    position: z.number().int().min(0).describe('Move the theme to this place (0 = first)'),
  })
  .partial()
  .extend({ versions: editVersions(['title', 'why', 'serves']) })
  .openapi('ThemePatch');
export type ThemePatch = z.infer<typeof ThemePatch>;

export const PlanInput = z
  .object({
    headline: oneLine(200),
    focus: text(1000).default(''),
    periodStart: DateOnly.optional().describe('Defaults to today'),
    periodEnd: DateOnly.optional().describe('Defaults to six months after the start'),
    themes: z.array(ThemeInput).max(12, 'can have at most 12 themes').default([]),
  })
  .openapi('PlanInput');
export type PlanInput = z.infer<typeof PlanInput>;

export const PlanPatch = z
  .object({ headline: oneLine(200), focus: text(1000), periodStart: DateOnly, periodEnd: DateOnly })
  .partial()
  .extend({ versions: editVersions(['headline', 'focus']) })
  .openapi('PlanPatch');
export type PlanPatch = z.infer<typeof PlanPatch>;

export const RefreshInput = z
  .object({
    headline: oneLine(200),
    focus: text(1000).default(''),
    periodEnd: DateOnly.optional().describe(
      'Defaults to the current period end, or six months from today if that has passed',
    ),
  })
  .openapi('RefreshInput');
export type RefreshInput = z.infer<typeof RefreshInput>;

export const CommentInput = z
  .object({
    themeId: z.string().uuid('is not a valid id').optional(),
    actionId: z.string().uuid('is not a valid id').optional(),
    body: required(4000),
    private: z.boolean().default(false).describe('A private note, visible to you only'),
  })
  .openapi('CommentInput');
export type CommentInput = z.infer<typeof CommentInput>;

const message = text(1000).default('');
export const SuggestionInput = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('new_theme'),
      title: oneLine(200),
      why: text(2000).default(''),
      areas: Keys.default([]),
      traits: Keys.default([]),
      message,
    }),
    z.object({
      kind: z.literal('reword_theme'),
      themeId: z.string().uuid('is not a valid id'),
      title: oneLine(200),
      why: text(2000).optional(),
      message,
    }),
    z.object({
      kind: z.literal('new_action'),
      themeId: z.string().uuid('is not a valid id'),
      text: required(500),
      dueOn: DateOnly.nullable().default(null),
      message,
    }),
    z.object({
      kind: z.literal('reword_action'),
      actionId: z.string().uuid('is not a valid id'),
      text: required(500),
      message,
    }),
  ])
  .openapi('SuggestionInput');
export type SuggestionInput = z.infer<typeof SuggestionInput>;

export const DeclineInput = z.object({ reason: text(1000).default('') }).openapi('DeclineInput');

// ---------------------------------------------------------------- ideas from the wheel

export const ExampleAction = z
  .object({
    kind: z.enum(['book', 'practice', 'stretch', 'shadowing']),
    text: z.string().describe('Ready to use as an action'),
    detail: z.string().describe('Why it helps, or how to do it well'),
  })
  .openapi('ExampleAction');
export type ExampleAction = z.infer<typeof ExampleAction>;

export const ExampleActionSet = z
  .object({
    kind: z.enum(['area', 'trait']),
    key: z.string(),
    name: z.string(),
    actions: z.array(ExampleAction),
  })
  .openapi('ExampleActionSet');
export type ExampleActionSet = z.infer<typeof ExampleActionSet>;

export const ThemeIdea = z
  .object({
    areaKey: z.string(),
    areaName: z.string(),
    reasons: z
      .array(z.enum(['dip', 'gap', 'low']))
      .describe(
        'dip: a clear drop in the self-score; gap: self and coach differ most; low: among the lowest areas',
      ),
    why: z
      .string()
      .describe(
        'Why the wheel points here, in words that read right to anyone who sees the plan (third person), ready as the theme\'s "why"',
      ),
    serves: z
      .string()
      .describe('How the theme would serve the agreed next bigger challenge ("" when none is agreed)'),
    title: z.string().describe('A starting title the PM rewrites in their own words'),
    self: z.number().nullable(),
    coach: z.number().nullable(),
    exampleActions: z.array(ExampleAction),
  })
  .openapi('ThemeIdea');
export type ThemeIdea = z.infer<typeof ThemeIdea>;

export const PlanIdeas = z
  .object({
    round: z
      .object({ id: z.string(), title: z.string(), revealedAt: z.string() })
      .nullable()
      .describe('The latest revealed wheel round the ideas come from (null: none yet)'),
    framework: z
      .object({ versionId: z.string(), name: z.string(), areas: z.array(Target), traits: z.array(Target) })
      .describe('The areas and traits a theme can name'),
    themeIdeas: z
      .array(ThemeIdea)
      .describe('Dips first, then the biggest gaps, then the lowest areas; at most five'),
    exampleActions: z
      .array(ExampleActionSet)
      .describe(
        'Example actions for every area and trait of the framework (empty for ones the library does not know)',
      ),
  })
  .openapi('PlanIdeas');
export type PlanIdeas = z.infer<typeof PlanIdeas>;
