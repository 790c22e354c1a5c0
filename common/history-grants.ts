import { z } from '@hono/zod-openapi';
import { historyParts } from './history-parts.js';
import { Person } from './schemas.js';

export { historyPartWords, historyParts } from './history-parts.js';

/**
 * History grants (issue 10, decision 038): a new coach sees nothing from before their pairing
 * unless the PM shares it, all of it or chosen parts, until the PM takes it back or the pair ends.
 */
export const HistoryPart = z
  .enum(historyParts)
  .describe(
    'wheel: earlier rounds; plan-history: earlier plan versions and done actions; comments: comments and suggestions on the plan; vision-history: earlier vision proposals; sessions: earlier coaching sessions, notes, colours, next steps; check-ins: check-ins and pulses; nudges: earlier nudges',
  );
export type HistoryPart = z.infer<typeof HistoryPart>;

export const HistoryGrantInput = z
  .object({
    parts: z
      .array(HistoryPart)
      .max(historyParts.length)
      .describe('The parts of the history before the pairing this coach may see; empty shares nothing'),
  })
  .openapi('HistoryGrantInput');
export type HistoryGrantInput = z.infer<typeof HistoryGrantInput>;

export const CoachHistoryGrant = z
  .object({
    coach: Person,
    pairedSince: z.string().describe('When this coach’s pairing began: what came before is history'),
    parts: z.array(HistoryPart),
    all: z.boolean().describe('Every part is shared'),
    grantedAt: z.string().nullable(),
  })
  .openapi('CoachHistoryGrant');
export type CoachHistoryGrant = z.infer<typeof CoachHistoryGrant>;

export const HistoryGrants = z
  .object({
    pmId: z.string(),
    pmName: z.string(),
    viewerSide: z.enum(['pm', 'coach']),
    /** The PM: one per current coach. A coach: only their own. */
    coaches: z.array(CoachHistoryGrant),
  })
  .openapi('HistoryGrants');
export type HistoryGrants = z.infer<typeof HistoryGrants>;
