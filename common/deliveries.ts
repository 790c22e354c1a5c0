import { z } from '@hono/zod-openapi';
import { deliveryKindList, switchableKinds, type SwitchableKind } from './delivery-kinds.js';

/**
 * Notification settings, the inbox and test sends (issue 9): request and response schemas shared
 * by the server (validation, OpenAPI) and the web app (types only).
 */

/** What can reach a person between sessions: the list lives in common/delivery-kinds.ts. */
export const DeliveryKindValue = z.enum(deliveryKindList);

export const OutsideChannel = z.enum(['email', 'slack', 'teams', 'push']);
export type OutsideChannel = z.infer<typeof OutsideChannel>;

export const NudgeFrequency = z.enum(['daily', 'weekly', 'paused']);
export type NudgeFrequency = z.infer<typeof NudgeFrequency>;

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 21:00');

export const QuietHours = z
  .object({ from: ClockTime, to: ClockTime })
  .refine((q) => q.from !== q.to, 'quiet hours must start and end at different times')
  .openapi('QuietHours');
export type QuietHours = z.infer<typeof QuietHours>;

/** An IANA time zone the server knows (Europe/Berlin, America/New_York, UTC). */
export const TimeZone = z
  .string()
  .trim()
  .max(64, 'is too long')
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return tz.length > 0;
    } catch {
      return false;
    }
  }, 'is not a known time zone (use a name like Europe/Berlin)');

/** A webhook URL as typed: checked further on the server (https, no private addresses). */
const WebhookUrlInput = z
  .string()
  .trim()
  .max(2000, 'is too long')
  .nullable()
  .optional()
  .describe('Omitted: keep the stored one; null or empty: remove it; otherwise the new URL');

export const NotificationSettingsInput = z
  .object({
    email: z.boolean(),
    slackUrl: WebhookUrlInput,
    teamsUrl: WebhookUrlInput,
    includeText: z.boolean(),
    nudgeFrequency: NudgeFrequency,
    quietHours: QuietHours.nullable(),
    timeZone: TimeZone,
    /** Reminder kinds a person turned off. Nudges always reach the inbox: a PM pauses them instead (nudgeFrequency). */
    kindsOff: z.array(z.enum(switchableKinds as [SwitchableKind, ...SwitchableKind[]])).max(50),
    coachPromptDay: z.number().int().min(0, 'must be 0 (Sunday) to 6').max(6, 'must be 0 (Sunday) to 6'),
  })
  .openapi('NotificationSettingsInput');
export type NotificationSettingsInput = z.input<typeof NotificationSettingsInput>;

const WebhookState = z.object({
  configured: z.boolean(),
  /** host + "…" + the last 4 characters; never the whole URL. */
  masked: z.string().nullable(),
});

export const FailedDelivery = z
  .object({
    id: z.string(),
    channel: OutsideChannel,
    title: z.string(),
    attempts: z.number(),
    reason: z.string(),
    at: z.string(),
  })
  .openapi('FailedDelivery');
export type FailedDelivery = z.infer<typeof FailedDelivery>;

export const NotificationSettings = z
  .object({
    email: z.object({ on: z.boolean(), address: z.string(), mailConfigured: z.boolean() }),
    slack: WebhookState,
    teams: WebhookState,
    includeText: z.boolean(),
    nudgeFrequency: NudgeFrequency,
    quietHours: QuietHours.nullable(),
    timeZone: z.string(),
    kindsOff: z.array(DeliveryKindValue),
    coachPromptDay: z.number(),
    /** Outside deliveries that gave up, newest first, with the reason. */
    failed: z.array(FailedDelivery),
  })
  .openapi('NotificationSettings');
export type NotificationSettings = z.infer<typeof NotificationSettings>;

export const NotificationSettingsQuery = z.object({
  /** The device's time zone, shown as the default until the person saves their own. */
  timeZone: TimeZone.optional(),
});

export const TestSendInput = z.object({ channel: OutsideChannel }).openapi('TestSendInput');
export const TestSendResult = z.object({ ok: z.boolean(), message: z.string() }).openapi('TestSendResult');
export type TestSendResult = z.infer<typeof TestSendResult>;

export const InboxItem = z
  .object({
    id: z.string(),
    kind: DeliveryKindValue,
    title: z.string(),
    text: z.string(),
    link: z.string(),
    createdAt: z.string(),
    read: z.boolean(),
  })
  .openapi('InboxItem');
export type InboxItem = z.infer<typeof InboxItem>;

export const InboxQuery = z.object({
  page: z.coerce.number().int().min(1, 'must be 1 or more').max(10000).default(1),
});

export const InboxPage = z
  .object({ items: z.array(InboxItem), page: z.number(), hasMore: z.boolean(), unread: z.number() })
  .openapi('InboxPage');
export type InboxPage = z.infer<typeof InboxPage>;

export const UnreadCount = z.object({ unread: z.number() }).openapi('UnreadCount');
export type UnreadCount = z.infer<typeof UnreadCount>;

export const MarkReadInput = z
  .union([
    z.object({ ids: z.array(z.string().uuid('is not a valid id')).min(1).max(200) }),
    z.object({ all: z.literal(true) }),
  ])
  .openapi('MarkReadInput');
export type MarkReadInput = z.infer<typeof MarkReadInput>;
