import { z } from '@hono/zod-openapi';
import { FrameworkVersion, Key } from './wheel.js';
import { Dip } from './wheel-rounds.js';

/**
 * Self-checks (issue 10, decision 036): a PM scores themselves alone, any time, on the whole wheel
 * or chosen areas. Private to the PM unless they share one with their coach.
 */

export const SelfCheckSummary = z
  .object({
    id: z.string(),
    status: z.enum(['draft', 'submitted']),
    createdAt: z.string(),
    submittedAt: z.string().nullable(),
    sharedAt: z.string().nullable().describe('Set while the PM shares it with their coach'),
    areas: z.array(z.object({ key: z.string(), name: z.string(), score: z.number().nullable() })),
  })
  .openapi('SelfCheckSummary');
export type SelfCheckSummary = z.infer<typeof SelfCheckSummary>;

export const SelfCheckList = z
  .object({
    areas: z
      .array(z.object({ key: z.string(), name: z.string() }))
      .describe("The areas of the PM's current framework version, to choose from"),
    selfChecks: z.array(SelfCheckSummary).describe('Newest first; a coach sees only the shared ones'),
  })
  .openapi('SelfCheckList');
export type SelfCheckList = z.infer<typeof SelfCheckList>;

export const SelfCheck = SelfCheckSummary.extend({
  frameworkVersion: FrameworkVersion,
  scores: z.record(z.string(), z.number().int()).describe('statement key → score'),
  traits: z.record(z.string(), z.string()).describe('trait key → a line of words (never a score)'),
  note: z.string().nullable().describe('The PM’s private note about a dip: the PM only, never the coach'),
  dips: z.array(Dip).describe('Dips this self-check shows, once submitted'),
  answered: z.number().int(),
  total: z.number().int(),
}).openapi('SelfCheck');
export type SelfCheck = z.infer<typeof SelfCheck>;

export const SelfCheckCreateInput = z
  .object({
    areas: z
      .array(Key)
      .min(1, 'choose at least one area')
      .max(16, 'can have at most 16 areas')
      .optional()
      .describe('The areas to check (default: the whole wheel)'),
  })
  .openapi('SelfCheckCreateInput');
export type SelfCheckCreateInput = z.infer<typeof SelfCheckCreateInput>;

/** A partial save: only the fields sent change; null clears a score or a trait's words. */
export const SelfCheckDraftInput = z
  .object({
    scores: z.record(Key, z.number().int('must be a whole number').nullable()).optional(),
    traits: z.record(Key, z.string().trim().max(300, 'must be at most 300 characters').nullable()).optional(),
  })
  .openapi('SelfCheckDraftInput');
export type SelfCheckDraftInput = z.infer<typeof SelfCheckDraftInput>;

export const SelfCheckNoteInput = z
  .object({ note: z.string().trim().max(2000, 'must be at most 2000 characters').nullable() })
  .openapi('SelfCheckNoteInput');
export type SelfCheckNoteInput = z.infer<typeof SelfCheckNoteInput>;
