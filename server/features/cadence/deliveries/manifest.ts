import type { FeatureManifest } from '../../manifest-types.js';

/** Notification settings and the outbox (in-app, email, Slack, Teams, Web Push). */
export const manifest = {
  notification_settings: {
    key: ['user_id'],
    sealed: ['slack_url', 'teams_url'],
    clear: {
      quiet_from: 'a time of day',
      quiet_to: 'a time of day',
      time_zone: 'a time zone name',
      kinds_off: 'delivery kinds',
      nudge_frequency: 'an enum',
    },
    erasure: { goes: 'with-account', column: 'user_id' },
    export: { not: 'settings and webhook addresses, not the PM’s record' },
  },
  deliveries: {
    key: ['id'],
    sealed: ['text'],
    clear: {
      key: 'the idempotency key (ids), unique',
      channel: 'an enum',
      kind: 'an enum',
      title: 'a short fixed title with a person’s name; erasure searches it for the name',
      link: 'a path of ids; erasure searches it',
      status: 'an enum, filtered on',
      claimed_by: 'a process id',
      last_error: 'a transport error message',
      calendar:
        'an iTIP invitation Wheelhouse writes: names, addresses, times, a link of ids (no words people typed)',
    },
    erasure: { goes: 'with-account', column: 'recipient_id' },
    export: { not: 'notifications are copies of what the export already holds' },
  },
  push_subscriptions: {
    key: ['id'],
    sealed: [],
    clear: {
      endpoint: 'the push service’s address for one browser, looked up by its unique index',
      p256dh: 'the browser’s public key (base64url), made by the browser, not typed',
      auth: 'the browser’s auth secret (base64url) for RFC 8291, made by the browser, not typed',
    },
    erasure: { goes: 'with-account', column: 'user_id' },
    export: { not: 'addresses of a browser’s push service, like the webhook addresses' },
  },
  push_vapid_keys: {
    key: ['id'],
    sealed: ['private_key'],
    clear: { public_key: 'the installation’s public VAPID key, given to every browser' },
    erasure: { goes: 'stays', why: 'the installation’s key pair, about no one' },
    export: { not: 'the installation’s key pair, about no one' },
  },
} as const satisfies FeatureManifest;
