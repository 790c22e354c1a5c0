import { z } from '@hono/zod-openapi';
import { Person, Side } from './schemas.js';
import { text } from './plans.js';

/** The shared vision (issue 4): the Next Bigger Challenge and the career direction PM and coach agree on. */

export const VisionProposalInput = z
  .object({
    nextBiggerChallenge: text(1000)
      .default('')
      .describe('The concrete project or responsibility the PM would get next if ready'),
    careerDirection: text(2000)
      .default('')
      .describe('Where the PM wants to grow longer term; may reach beyond this company'),
    note: text(1000).default('').describe('Why this proposal, or what changed'),
  })
  .refine((v) => v.nextBiggerChallenge || v.careerDirection, {
    message: 'is required (or a career direction)',
    path: ['nextBiggerChallenge'],
  })
  .openapi('VisionProposalInput');
export type VisionProposalInput = z.infer<typeof VisionProposalInput>;

export const VisionVersion = z
  .object({
    id: z.string(),
    nextBiggerChallenge: z.string(),
    careerDirection: z.string(),
    note: z.string(),
    proposedBy: Person,
    proposedBySide: Side,
    proposedAt: z.string(),
    status: z
      .enum(['open', 'agreed', 'replaced', 'withdrawn'])
      .describe(
        'open: waiting for the other side; agreed: accepted by the other side; replaced: a change was proposed instead; withdrawn: by its proposer',
      ),
    decidedBy: Person.nullable().describe('Who accepted it, proposed a change to it, or withdrew it'),
    decidedAt: z.string().nullable(),
  })
  .openapi('VisionVersion');
export type VisionVersion = z.infer<typeof VisionVersion>;

export const Vision = z
  .object({
    pmId: z.string(),
    agreed: VisionVersion.nullable().describe('What PM and coach last agreed on'),
    proposal: VisionVersion.nullable().describe('The open proposal, waiting for the other side'),
    lastRevisitedAt: z.string().nullable().describe('When the pair last agreed on the vision'),
    revisitDueAt: z.string().nullable().describe('A quarter (90 days) after the last agreement'),
    revisitDue: z.boolean(),
    history: z.array(VisionVersion).describe('Every proposal, newest first: earlier versions stay readable'),
    latestRound: z
      .object({
        roundId: z.string(),
        title: z.string(),
        coach: z.string().nullable(),
        self: z.string().nullable(),
      })
      .nullable()
      .describe(
        'The Next Bigger Challenge both sides wrote in the latest revealed wheel round, to start from',
      ),
    viewer: z.object({ side: Side, canAccept: z.boolean(), canWithdraw: z.boolean() }),
  })
  .openapi('Vision');
export type Vision = z.infer<typeof Vision>;
