import { z } from '@hono/zod-openapi';
import { Person } from './schemas.js';

/**
 * Nudges (issue 9): a coach's sentence or two to their PM between sessions, tied to a plan theme
 * or action, or free; the PM reacts or answers in a line. Shared by the server (validation,
 * OpenAPI) and the web app (types only).
 */

export { NUDGE_MAX, NUDGE_REPLY_MAX } from './nudge-limits.js';
import { NUDGE_MAX, NUDGE_REPLY_MAX, nudgeReactions, reactionWords } from './nudge-limits.js';

const line = (max: number, what: string) =>
  z.string().trim().min(1, `is required (${what})`).max(max, `must be at most ${max} characters`);

export const NudgeFrequency = z.enum(['daily', 'weekly', 'paused']);
export type NudgeFrequency = z.infer<typeof NudgeFrequency>;

export const NudgeReaction = z.enum(nudgeReactions);
export type NudgeReaction = z.infer<typeof NudgeReaction>;
export { reactionWords };

export const NudgeAboutKind = z.enum(['free', 'theme', 'action']);
export type NudgeAboutKind = z.infer<typeof NudgeAboutKind>;

/** What a nudge is about, as sent: a plan theme or action (by lineage), or nothing in particular. */
export const NudgeAboutInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('free') }),
  z.object({ kind: z.literal('theme'), lineageId: z.string().uuid('is not a valid id') }),
  z.object({ kind: z.literal('action'), lineageId: z.string().uuid('is not a valid id') }),
]);
export type NudgeAboutInput = z.infer<typeof NudgeAboutInput>;

export const NudgeInput = z
  .object({
    text: line(NUDGE_MAX, 'a sentence or two'),
    about: NudgeAboutInput.default({ kind: 'free' }),
  })
  .openapi('NudgeInput');
export type NudgeInput = z.input<typeof NudgeInput>;

export const NudgeReactionInput = z.object({ reaction: NudgeReaction }).openapi('NudgeReactionInput');
export type NudgeReactionInput = z.infer<typeof NudgeReactionInput>;

export const NudgeReplyInput = z
  .object({ text: line(NUDGE_REPLY_MAX, 'a line in answer') })
  .openapi('NudgeReplyInput');
export type NudgeReplyInput = z.infer<typeof NudgeReplyInput>;

export const NudgeResponse = z
  .object({
    id: z.string(),
    n: z.number().int().describe('1 for the first answer to the nudge, then 2, 3…'),
    reaction: NudgeReaction.nullable(),
    text: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('NudgeResponse');
export type NudgeResponse = z.infer<typeof NudgeResponse>;

export const Nudge = z
  .object({
    id: z.string(),
    coach: Person,
    text: z.string(),
    about: z.object({ kind: NudgeAboutKind, lineageId: z.string().nullable(), title: z.string().nullable() }),
    createdAt: z.string(),
    reaction: NudgeReaction.nullable().describe('The PM’s latest reaction'),
    responses: z.array(NudgeResponse).describe('The PM’s reactions and answers, oldest first'),
  })
  .openapi('Nudge');
export type Nudge = z.infer<typeof Nudge>;

/** How the PM welcomes nudges, as the coach composing one sees it (never the channels). */
export const NudgeWelcome = z
  .object({
    pm: Person,
    frequency: NudgeFrequency,
    lastNudgeAt: z.string().nullable().describe('This coach’s last nudge to the PM'),
    nextWelcomeAt: z
      .string()
      .nullable()
      .describe('When the next nudge is welcome (null: now, or never while paused)'),
  })
  .openapi('NudgeWelcome');
export type NudgeWelcome = z.infer<typeof NudgeWelcome>;

export const NudgeThread = z
  .object({
    nudges: z.array(Nudge).describe('Newest first, at most 20'),
    nextBefore: z.string().nullable().describe('Pass as `before` for older nudges; null at the start'),
    welcome: NudgeWelcome.nullable().describe('For a coach: the PM’s preference (null for the PM)'),
  })
  .openapi('NudgeThread');
export type NudgeThread = z.infer<typeof NudgeThread>;

export const NudgeCursor = z
  .string()
  .max(120, 'is not a nudge cursor')
  .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z~[0-9a-f-]{36}$/, 'is not a nudge cursor');
export const NudgeQuery = z.object({ before: NudgeCursor.optional() });

export const NudgeIdeaKind = z.enum(['action-due', 'theme-colour', 'dip', 'session-soon', 'quiet']);
export type NudgeIdeaKind = z.infer<typeof NudgeIdeaKind>;

export const NudgeIdea = z
  .object({
    key: z.string(),
    kind: NudgeIdeaKind,
    why: z.string().describe('Why this idea, in a few words ("Due Friday", "Amber in November")'),
    text: z.string().describe('A prefilled nudge, editable before sending'),
    about: NudgeAboutInput,
    aboutTitle: z.string().nullable(),
  })
  .openapi('NudgeIdea');
export type NudgeIdea = z.infer<typeof NudgeIdea>;

export const NudgeIdeas = z
  .object({ ideas: z.array(NudgeIdea), welcome: NudgeWelcome })
  .openapi('NudgeIdeas');
export type NudgeIdeas = z.infer<typeof NudgeIdeas>;
