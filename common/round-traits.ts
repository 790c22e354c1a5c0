import { z } from '@hono/zod-openapi';
import { Key } from './wheel.js';

/**
 * Traits in words (issue 10): each side of a round writes a line of words per trait of the round's
 * framework (curiosity, empathy, …), never a score. Blind like the scores: one's own side always,
 * the other side once the round is revealed.
 */

export const TRAIT_WORDS_MAX = 500;

export const TraitWordsInput = z
  .object({
    words: z
      .record(Key, z.string().trim().max(TRAIT_WORDS_MAX, `must be at most ${TRAIT_WORDS_MAX} characters`))
      .refine((w) => Object.keys(w).length <= 20, 'can have at most 20 traits')
      .describe('Trait key → a line of words; only the traits sent change; an empty line removes it'),
  })
  .strict()
  .openapi('TraitWordsInput');
export type TraitWordsInput = z.infer<typeof TraitWordsInput>;

export const RoundTraits = z
  .object({
    roundId: z.string(),
    viewerSide: z.enum(['self', 'coach']).nullable().describe('The side the viewer writes, if any'),
    traits: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        description: z.string(),
        self: z.string().nullable().describe("The PM's words (null: not written, or not visible yet)"),
        coach: z.string().nullable().describe("The coach's words (null: not written, or not visible yet)"),
      }),
    ),
    visible: z
      .object({ self: z.boolean(), coach: z.boolean() })
      .describe("Whose words the viewer may see: their own always, the other side's after the reveal"),
  })
  .openapi('RoundTraits');
export type RoundTraits = z.infer<typeof RoundTraits>;
