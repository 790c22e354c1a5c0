import { z } from '@hono/zod-openapi';

/**
 * Erasure (issue 11, decision 043): a person erases their account and their coaching data. The
 * page shows what goes and what stays in words built from their own counts, before they confirm
 * with their password.
 */
export const ErasureCounts = z
  .object({
    // Theirs as a PM: all of it goes.
    rounds: z.number().int(),
    selfChecks: z.number().int(),
    reflections: z.number().int(),
    coachNotesAboutYou: z.number().int(),
    planVersions: z.number().int(),
    planComments: z.number().int(),
    planSuggestions: z.number().int(),
    visionProposals: z.number().int(),
    coachingSessions: z.number().int(),
    checkIns: z.number().int(),
    pulses: z.number().int(),
    nudges: z.number().int(),
    accessLogEntries: z.number().int(),
    // What they wrote as a coach about other PMs.
    pmsCoached: z.number().int(),
    privateNotes: z.number().int(),
    unrevealedAssessments: z.number().int(),
    revealedAssessments: z.number().int(),
    commentsAndSuggestions: z.number().int(),
    sessionsAsCoach: z.number().int(),
    nudgesSent: z.number().int(),
  })
  .openapi('ErasureCounts');
export type ErasureCounts = z.infer<typeof ErasureCounts>;

export const ErasureSummary = z
  .object({
    counts: ErasureCounts,
    /** Sentences of what is erased, built from the counts. */
    goes: z.array(z.string()),
    /** Sentences of what stays, and with whom. */
    stays: z.array(z.string()),
    /** Set when the erasure would be refused now (the last admin), with what to do first. */
    blockedBecause: z.string().nullable(),
  })
  .openapi('ErasureSummary');
export type ErasureSummary = z.infer<typeof ErasureSummary>;

export const EraseAccountRequest = z
  .object({
    password: z.string().min(1, 'is required').max(200),
    confirm: z.literal(true, { error: 'tick the box to confirm' }),
  })
  .openapi('EraseAccountRequest');

export const MemberRemoved = z
  .object({ id: z.string(), pairsEnded: z.number().int() })
  .openapi('MemberRemoved');
export type MemberRemoved = z.infer<typeof MemberRemoved>;
