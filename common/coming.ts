import { z } from '@hono/zod-openapi';

/** What is coming for the signed-in person (issue 21): the next sessions and due actions, with their reminders. */
export const ComingItem = z
  .object({
    kind: z.enum(['session', 'action-due']),
    /** The instant (a session's start) or the local midnight of a due date, ISO. */
    at: z.string(),
    /** "Thursday 10 December, 10:00: coaching session with Pia". */
    words: z.string(),
    /** "reminder the day before at 10:00"; null when it has gone out already. */
    reminder: z.string().nullable(),
    link: z.string(),
  })
  .openapi('ComingItem');
export type ComingItem = z.infer<typeof ComingItem>;

export const Coming = z.object({ items: z.array(ComingItem), timeZone: z.string() }).openapi('Coming');
export type Coming = z.infer<typeof Coming>;
