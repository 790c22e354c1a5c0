import { z } from '@hono/zod-openapi';
import { ColourHistory } from './coaching-sessions.js';
import { Person } from './schemas.js';
import { Dip } from './wheel-rounds.js';

/** A home page's one-line view of a PM's plan: enough for a hint, none of the plan's text but its headline. */
export const PlanGlance = z
  .object({
    headline: z.string(),
    themes: z.number().int(),
    actionsDone: z.number().int(),
    actionsTotal: z.number().int(),
    openSuggestions: z.number().int(),
    refreshDue: z.boolean(),
    manyFromCoach: z.boolean().describe('Most of the plan came from the coach'),
  })
  .openapi('PlanGlance');
export type PlanGlance = z.infer<typeof PlanGlance>;

/** What a home page shows of one PM: dips in the latest round, the plan at a glance, the vision's state. */
export const PmSummary = z
  .object({
    pm: Person,
    dips: z.array(Dip),
    plan: PlanGlance.nullable().describe('null: no plan yet'),
    vision: z.object({
      waitingForViewer: z.boolean().describe('An open proposal the viewer may accept'),
      revisitDue: z.boolean(),
    }),
    colourHistory: ColourHistory.describe('The PM’s red/amber/green per theme over the last months'),
  })
  .openapi('PmSummary');
export type PmSummary = z.infer<typeof PmSummary>;

/**
 * The home page in one read: the signed-in person's own summary and one per PM they coach now.
 * Each PM's access log gets one entry for it ("saw a summary on their home page").
 */
export const HomeSummary = z.object({ me: PmSummary, coached: z.array(PmSummary) }).openapi('HomeSummary');
export type HomeSummary = z.infer<typeof HomeSummary>;
