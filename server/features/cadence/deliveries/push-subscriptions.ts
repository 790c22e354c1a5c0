import { sql } from 'kysely';
import type { PushState, PushSubscriptionInput } from '../../../../common/push.js';
import type { Config } from '../../../config.js';
import type { Db } from '../../../db/database.js';
import { AppError } from '../../../http/errors.js';
import type { Actor } from '../../../privacy/actor.js';
import { newId, nowIso } from '../../../util.js';
import { parseWebhookUrl, WebhookError } from './webhook-safety.js';

/** The browser's keys as RFC 8291 needs them: an uncompressed P-256 point and a 16-byte secret. */
function checkKeys(keys: { p256dh: string; auth: string }) {
  const p256dh = Buffer.from(keys.p256dh, 'base64url');
  if (p256dh.length !== 65 || p256dh[0] !== 4)
    throw new AppError('validation_failed', 'keys.p256dh: is not a P-256 public key.');
  if (Buffer.from(keys.auth, 'base64url').length !== 16)
    throw new AppError('validation_failed', 'keys.auth: must be 16 bytes.');
}

/** The push service's address: https (http only where private webhooks are allowed, for tests). */
function checkEndpoint(endpoint: string, allowPrivate: boolean) {
  try {
    return parseWebhookUrl(endpoint, allowPrivate).toString();
  } catch (error) {
    if (error instanceof WebhookError) throw new AppError('validation_failed', `endpoint: ${error.message}.`);
    throw error;
  }
}

/**
 * Turns push on for this browser, for the signed-in person. One row per endpoint (unique index):
 * a browser someone else had turned on moves to this person, with the text off again unless
 * they choose it. Answers the browser's state.
 */
export async function subscribePush(input: {
  db: Db;
  config: Pick<Config, 'allowPrivateWebhooks'>;
  actor: Actor;
  subscription: PushSubscriptionInput;
  now: Date;
}): Promise<PushState> {
  const { db, config, actor, subscription: s, now } = input;
  const endpoint = checkEndpoint(s.endpoint, config.allowPrivateWebhooks);
  checkKeys(s.keys);
  const chosen = s.showText === undefined ? null : s.showText ? 1 : 0;
  await db
    .insertInto('push_subscriptions')
    .values({
      id: newId(),
      user_id: actor.id,
      endpoint,
      p256dh: s.keys.p256dh,
      auth: s.keys.auth,
      show_text: chosen ?? 0,
      created_at: nowIso(now),
    })
    .onConflict((oc) =>
      oc.column('endpoint').doUpdateSet({
        p256dh: s.keys.p256dh,
        auth: s.keys.auth,
        show_text:
          chosen ??
          sql<number>`case when push_subscriptions.user_id = ${actor.id} then push_subscriptions.show_text else 0 end`,
        user_id: actor.id,
      }),
    )
    .execute();
  return pushStateOf({ db, actor, endpoint });
}

/** Turns push off for this browser (only the signed-in person's own row; another's stays). */
export async function unsubscribePush(input: { db: Db; actor: Actor; endpoint: string }): Promise<PushState> {
  const { db, actor, endpoint } = input;
  await db
    .deleteFrom('push_subscriptions')
    .where('user_id', '=', actor.id)
    .where('endpoint', '=', endpoint.trim())
    .execute();
  return { on: false, showText: false };
}

async function pushStateOf(input: { db: Db; actor: Actor; endpoint: string }): Promise<PushState> {
  const row = await input.db
    .selectFrom('push_subscriptions')
    .select('show_text')
    .where('user_id', '=', input.actor.id)
    .where('endpoint', '=', input.endpoint)
    .executeTakeFirst();
  return { on: row !== undefined, showText: row?.show_text === 1 };
}

/** Whether the person has push on in any browser (the outbox then adds a push delivery). */
export async function hasPush(db: Db, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('push_subscriptions')
    .select('id')
    .where('user_id', '=', userId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
