import { z } from '@hono/zod-openapi';

/** A PM's timeline (issue 8): everything that happened in their coaching, newest first. */

export const TimelineKind = z.enum([
  'check-in',
  'pulse',
  'round',
  'dip',
  'plan-started',
  'plan-refreshed',
  'action-done',
  'session',
  'nudge',
  'self-check',
]);
export type TimelineKind = z.infer<typeof TimelineKind>;

export const TimelineItem = z
  .object({
    key: z.string().describe('Unique in the timeline: kind and id'),
    kind: TimelineKind,
    at: z.string(),
    title: z.string(),
    detail: z.string().nullable(),
    link: z.string().nullable().describe('The page of the thing in the web app, if it has one'),
    private: z.boolean().describe('Only the PM sees it (a private check-in, an unshared self-check)'),
  })
  .openapi('TimelineItem');
export type TimelineItem = z.infer<typeof TimelineItem>;

/** A cursor: the `at` and `key` of the last item of the previous page. */
export const TimelineCursor = z
  .string()
  .max(200, 'is not a timeline cursor')
  .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z~[a-z-]+:[\w.:-]+$/, 'is not a timeline cursor');

export const TimelineQuery = z.object({ before: TimelineCursor.optional() });

export const TimelinePage = z
  .object({
    items: z.array(TimelineItem).describe('Newest first, at most 30'),
    nextBefore: z.string().nullable().describe('Pass as `before` for older items; null at the start'),
  })
  .openapi('TimelinePage');
export type TimelinePage = z.infer<typeof TimelinePage>;
