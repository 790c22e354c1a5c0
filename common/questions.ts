import { z } from '@hono/zod-openapi';

/**
 * The coaching question bank (issue 8): built-in questions, the ones coaches and PMs add, and the
 * questions suggested for a PM from their own context. Shared by the server (validation, OpenAPI)
 * and the web app (types).
 */

/** Situations a question helps in. */
export const Situation = z.enum([
  'no-agenda',
  'stuck',
  'stakeholders',
  'bad-news',
  'motivation',
  'confidence',
  'career',
  'after-dip',
  'after-win',
]);
export type Situation = z.infer<typeof Situation>;

/** Words for each situation, as the bank's filters show them. */
export const situationNames: Record<Situation, string> = {
  'no-agenda': 'No agenda prepared',
  stuck: 'Stuck',
  stakeholders: 'Stakeholders',
  'bad-news': 'Bad news',
  motivation: 'Motivation',
  confidence: 'Confidence',
  career: 'Career',
  'after-dip': 'After a dip',
  'after-win': 'After a win',
};

/** Who sees a question someone added: only its author, or every member of the workspace. */
export const QuestionVisibility = z.enum(['private', 'workspace']);
export type QuestionVisibility = z.infer<typeof QuestionVisibility>;

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const AreaKey = z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters');

/** A question of the bank as anyone browsing it sees it. */
export const Question = z
  .object({
    id: z.string(),
    text: z.string(),
    areas: z.array(z.string()).describe('area or trait keys (e.g. team, courage); empty: any area'),
    situations: z.array(Situation),
    /** builtin: part of Wheelhouse; own: you wrote it; workspace: a colleague offered it. */
    source: z.enum(['builtin', 'own', 'workspace']),
    visibility: QuestionVisibility.nullable().describe('for added questions only'),
    author: z.object({ id: z.string(), name: z.string() }).nullable(),
    /** Whether it holds placeholders filled in for a PM when suggested (e.g. {area}, {score}). */
    templated: z.boolean(),
    canEdit: z.boolean(),
  })
  .openapi('Question');
export type Question = z.infer<typeof Question>;

export const QuestionList = z
  .object({
    questions: z.array(Question),
    /** The area and trait names of the default framework, for the filters. */
    areas: z.array(z.object({ key: z.string(), name: z.string(), kind: z.enum(['area', 'trait']) })),
  })
  .openapi('QuestionList');
export type QuestionList = z.infer<typeof QuestionList>;

export const QuestionQuery = z.object({
  q: text(200).optional(),
  area: AreaKey.optional(),
  situation: Situation.optional(),
});
export type QuestionQuery = z.infer<typeof QuestionQuery>;

export const QuestionInput = z
  .object({
    text: text(500).min(5, 'is too short: write the whole question'),
    areas: z.array(AreaKey).max(14, 'can have at most 14 tags').default([]),
    situations: z.array(Situation).max(9).default([]),
    visibility: QuestionVisibility.default('private'),
  })
  .openapi('QuestionInput');
export type QuestionInput = z.input<typeof QuestionInput>;

export const QuestionPatch = z
  .object({
    text: text(500).min(5, 'is too short: write the whole question').optional(),
    areas: z.array(AreaKey).max(14, 'can have at most 14 tags').optional(),
    situations: z.array(Situation).max(9).optional(),
    visibility: QuestionVisibility.optional(),
  })
  .openapi('QuestionPatch');
export type QuestionPatch = z.infer<typeof QuestionPatch>;

/** A question chosen for one PM, already filled in with their own words. */
export const SuggestedQuestion = z
  .object({
    id: z.string(),
    text: z.string().describe('already filled in with the PM’s own words'),
    areas: z.array(z.string()),
    situations: z.array(z.string()),
    why: z.string().describe('e.g. "Your lowest area", "A dip in Team last round"'),
  })
  .openapi('SuggestedQuestion');
export type SuggestedQuestion = z.infer<typeof SuggestedQuestion>;

export const SuggestedQuestions = z
  .object({ questions: z.array(SuggestedQuestion) })
  .openapi('SuggestedQuestions');
export type SuggestedQuestions = z.infer<typeof SuggestedQuestions>;

export const SuggestedQuery = z.object({
  limit: z.coerce.number().int().min(1, 'must be at least 1').max(10, 'must be at most 10').default(3),
});

export const MarkAskedInput = z
  .object({
    questionIds: z.array(z.string().min(1).max(100)).min(1, 'pick at least one question').max(20),
  })
  .openapi('MarkAskedInput');
export type MarkAskedInput = z.infer<typeof MarkAskedInput>;
