import { z } from '@hono/zod-openapi';
import { OneLine } from './schemas.js';
import { Scale } from './wheel.js';

/** Peers: people a PM invites by link to score them once, without an account. */

export const PeerInvitation = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.enum(['open', 'submitted', 'expired', 'revoked']),
    createdAt: z.string(),
    expiresAt: z.string(),
    link: z.string().nullable().describe('Only in the answer that creates it: the link is shown once'),
  })
  .openapi('PeerInvitation');
export type PeerInvitation = z.infer<typeof PeerInvitation>;

export const PeerInvitationInput = z
  .object({
    name: OneLine(100).min(1, 'is required').describe('Whom you are asking (for your own list)'),
  })
  .openapi('PeerInvitationInput');

/** What a peer sees through their link: whom they score, on what, and (after) what they wrote. */
export const PeerReview = z
  .object({
    pmName: z.string(),
    roundTitle: z.string(),
    status: z.enum(['open', 'submitted']),
    framework: z.object({
      name: z.string(),
      scale: Scale,
      areas: z.array(
        z.object({
          key: z.string(),
          name: z.string(),
          description: z.string(),
          statements: z.array(z.object({ key: z.string(), text: z.string() })),
        }),
      ),
    }),
    mine: z
      .object({ scores: z.record(z.string(), z.number().int()), notes: z.record(z.string(), z.string()) })
      .nullable(),
  })
  .openapi('PeerReview');
export type PeerReview = z.infer<typeof PeerReview>;

export const PeerReviewInput = z
  .object({
    scores: z.record(z.string(), z.number().int('must be a whole number')),
    notes: z.record(z.string(), z.string().max(2000, 'must be at most 2000 characters')).default({}),
  })
  .openapi('PeerReviewInput');
export type PeerReviewInput = z.infer<typeof PeerReviewInput>;
