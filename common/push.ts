import { z } from '@hono/zod-openapi';

/**
 * Web Push (issue 22): the browser's subscription as `PushSubscription.toJSON()` gives it, and
 * what the page shows. Shared by the server (validation, OpenAPI) and the web app (types only).
 */

const Base64Url = z
  .string()
  .max(200, 'is too long')
  .regex(/^[A-Za-z0-9_-]+=*$/, 'must be base64url, as the browser gives it');

export const PushKey = z.object({ publicKey: z.string() }).openapi('PushKey');
export type PushKey = z.infer<typeof PushKey>;

const Endpoint = z.string().trim().min(1, 'is required').max(2000, 'is too long');

export const PushSubscriptionInput = z
  .object({
    endpoint: Endpoint,
    keys: z.object({ p256dh: Base64Url, auth: Base64Url }),
    /** Notifications on this browser show the text too; omitted: keep the stored choice (off when new). */
    showText: z.boolean().optional(),
  })
  .openapi('PushSubscriptionInput');
export type PushSubscriptionInput = z.input<typeof PushSubscriptionInput>;

export const PushEndpointInput = z.object({ endpoint: Endpoint }).openapi('PushEndpointInput');

export const PushState = z
  .object({
    /** Push is on for this browser (its endpoint is stored for the signed-in person). */
    on: z.boolean(),
    showText: z.boolean(),
  })
  .openapi('PushState');
export type PushState = z.infer<typeof PushState>;
