import webpush from 'web-push';
import type { Deps } from '../../../http/env.js';
import type { SendOutcome } from './channels.js';
import { vapidKeys, vapidSubject } from './push-keys.js';
import { postWebhook, WebhookError } from './webhook-safety.js';

/** What a notification carries: a title and a path in Wheelhouse; the text only where chosen. */
export interface PushMessage {
  title: string;
  /** A path on this server ("/pms/…"): the service worker opens it on its own origin. */
  link: string;
  text: string | null;
}

/** How long a push service keeps a message for a browser that is offline. */
const ttlSeconds = 24 * 60 * 60;

/**
 * Sends one message to every browser the person turned push on in, encrypted for each (RFC 8291,
 * aes128gcm, by web-push) and signed with VAPID, through the same careful HTTP call as webhooks
 * (global addresses only, no redirects, a timeout). A 404 or 410 means the push service forgot
 * the browser: its row is deleted. Exactly once wins over every browser: the outcome is ok when
 * at least one browser got it (a retry would repeat it there); it is retried only when none did.
 */
export async function sendPush(input: {
  deps: Pick<Deps, 'db' | 'config'>;
  userId: string;
  message: PushMessage;
}): Promise<SendOutcome> {
  const { deps, userId, message } = input;
  const { db, config } = deps;
  const browsers = await db
    .selectFrom('push_subscriptions')
    .select(['id', 'endpoint', 'p256dh', 'auth', 'show_text'])
    .where('user_id', '=', userId)
    .execute();
  if (browsers.length === 0) return { ok: false, reason: 'Push is not on in any browser', permanent: true };
  const keys = await vapidKeys(deps);
  let delivered = 0;
  let gone = 0;
  let problem: SendOutcome | null = null;
  for (const b of browsers) {
    const payload = JSON.stringify({
      title: message.title,
      link: message.link,
      ...(b.show_text === 1 && message.text ? { text: message.text } : {}),
    });
    const request = webpush.generateRequestDetails(
      { endpoint: b.endpoint, keys: { p256dh: b.p256dh, auth: b.auth } },
      payload,
      {
        vapidDetails: { subject: vapidSubject(config), ...keys },
        TTL: ttlSeconds,
        contentEncoding: 'aes128gcm',
      },
    );
    try {
      const { status } = await postWebhook({
        url: request.endpoint,
        body: null,
        raw: { body: request.body, headers: request.headers },
        allowPrivate: config.allowPrivateWebhooks,
      });
      if (status >= 200 && status < 300) delivered++;
      else if (status === 404 || status === 410) {
        await db.deleteFrom('push_subscriptions').where('id', '=', b.id).execute();
        gone++;
      } else
        problem = {
          ok: false,
          reason: `The push service answered ${status}: trying again later`,
          permanent: false,
        };
    } catch (error) {
      problem = {
        ok: false,
        reason:
          error instanceof WebhookError
            ? `The push service ${error.message}`
            : 'The push service could not be reached',
        permanent: error instanceof WebhookError && error.permanent,
      };
    }
  }
  if (delivered > 0) return { ok: true };
  if (problem) return problem;
  return {
    ok: false,
    reason: `The push service no longer knows ${gone === 1 ? 'this browser' : 'these browsers'}: turn push on again`,
    permanent: true,
  };
}
