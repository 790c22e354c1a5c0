import { z } from '@hono/zod-openapi';

/** Issue 9: a person's secret calendar feed (iCal). The URL is shown once, when created. */
export const CalendarFeed = z
  .object({
    exists: z.boolean().describe('Whether the person has a live feed'),
    createdAt: z.string().nullable().describe('When the live feed was created'),
  })
  .openapi('CalendarFeed');
export type CalendarFeed = z.infer<typeof CalendarFeed>;

export const CreatedCalendarFeed = z
  .object({
    createdAt: z.string(),
    url: z
      .string()
      .describe(
        'The secret feed address, shown this once: a calendar app subscribes to it (any older one stops working)',
      ),
  })
  .openapi('CreatedCalendarFeed');
export type CreatedCalendarFeed = z.infer<typeof CreatedCalendarFeed>;
