import { z } from '@hono/zod-openapi';

/** The smallest group of PMs any figure may describe (decision 041). */
export const MIN_GROUP = 5;

/**
 * One figure of the insights: a number, or "fewer than 5" (the group behind it had 1–4 PMs, or a
 * filter would let it be worked out by subtraction). The hidden kind carries no number at all.
 */
export const Figure = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('count'), value: z.number().int().nonnegative() }),
    z.object({ kind: z.literal('fewer-than-5') }),
  ])
  .openapi('InsightFigure');
export type Figure = z.infer<typeof Figure>;

export const InsightMetric = z.enum([
  'activePairs',
  'sessionsHeld',
  'plansRefreshedOnTime',
  'roundsCompleted',
  'nudgesSent',
]);
export type InsightMetric = z.infer<typeof InsightMetric>;

/** One area's spread over a group of at least five PMs: quartiles, rounded to half points. */
export const AreaSpread = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('spread'),
      lower: z.number().describe('Lower quartile'),
      median: z.number(),
      upper: z.number().describe('Upper quartile'),
    }),
    z.object({ kind: z.literal('fewer-than-5') }),
  ])
  .openapi('InsightAreaSpread');
export type AreaSpread = z.infer<typeof AreaSpread>;

export const Insights = z
  .object({
    months: z.array(z.string()).describe('The last 12 months, oldest first (YYYY-MM, UTC)'),
    counts: z.array(z.object({ metric: InsightMetric, cells: z.array(Figure) })),
    frameworks: z
      .array(
        z.object({
          name: z.string(),
          scale: z.object({ min: z.number().int(), max: z.number().int() }),
          pms: Figure.describe('PMs who allow it, whose latest revealed round used this framework'),
          areas: z.array(z.object({ key: z.string(), name: z.string(), spread: AreaSpread })),
        }),
      )
      .describe('Area spreads of the latest revealed scores (the coach’s, else the PM’s own)'),
    coaches: z
      .array(z.object({ id: z.string(), name: z.string() }))
      .describe('Coach groups the page can be narrowed to'),
    coach: z.string().nullable().describe('The coach group shown (null: the whole workspace)'),
  })
  .openapi('Insights');
export type Insights = z.infer<typeof Insights>;

export const InsightsChoice = z
  .object({ counted: z.boolean().describe('Your latest scores may count in the workspace area spreads') })
  .openapi('InsightsChoice');
export type InsightsChoice = z.infer<typeof InsightsChoice>;
