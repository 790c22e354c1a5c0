import { enqueueDelivery } from '../../../server/features/cadence/deliveries/outbox.js';
import { signedIn, type MatrixRow } from './types.js';

const settings = {
  email: true,
  includeText: true,
  nudgeFrequency: 'daily',
  quietHours: { from: '22:00', to: '06:00' },
  timeZone: 'Europe/Berlin',
  kindsOff: ['action-due'],
  coachPromptDay: 2,
};

/** A browser's push subscription (Web Push, issue 22): each relation's own address. */
const browser = (relation: string) => ({
  endpoint: `https://push.example.com/send/${relation}`,
  keys: {
    p256dh: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]).toString('base64url'),
    auth: Buffer.alloc(16, 2).toString('base64url'),
  },
});

/**
 * Notification settings and the inbox (issue 9): every signed-in person reaches their OWN;
 * there is no id in these paths, so someone else's settings or inbox are never reachable. The
 * inbox row checks that only the PM finds the PM's item.
 */
export const deliveryRows: MatrixRow[] = [
  {
    method: 'GET',
    path: '/api/me/notifications',
    allowed: signedIn,
    request: () => ({ path: '/api/me/notifications' }),
  },
  {
    method: 'PUT',
    path: '/api/me/notifications',
    allowed: signedIn,
    request: () => ({ path: '/api/me/notifications', body: settings }),
  },
  {
    method: 'POST',
    path: '/api/me/notifications/test',
    allowed: signedIn,
    request: () => ({ path: '/api/me/notifications/test', body: { channel: 'email' } }),
  },
  {
    method: 'GET',
    path: '/api/me/inbox',
    allowed: signedIn,
    request: async (w, _r, app) => {
      await enqueueDelivery({
        db: app.deps.db,
        now: new Date(),
        delivery: {
          recipientId: w.pm.id,
          kind: 'nudge',
          key: `nudge:matrix:${w.pm.id}`,
          title: `For ${w.pm.id}`,
          text: 'A nudge only its PM may read',
          link: '/inbox',
        },
      });
      return { path: '/api/me/inbox' };
    },
    sees: {
      relations: ['self'],
      find: (body, w) => body.items.some((i: { title: string }) => i.title === `For ${w.pm.id}`),
    },
  },
  {
    method: 'GET',
    path: '/api/me/push/key',
    allowed: signedIn,
    request: () => ({ path: '/api/me/push/key' }),
  },
  {
    method: 'PUT',
    path: '/api/me/push/subscription',
    allowed: signedIn,
    request: (_w, r) => ({ path: '/api/me/push/subscription', body: browser(r) }),
  },
  {
    method: 'POST',
    path: '/api/me/push/unsubscribe',
    allowed: signedIn,
    request: (_w, r) => ({ path: '/api/me/push/unsubscribe', body: { endpoint: browser(r).endpoint } }),
  },
  {
    method: 'GET',
    path: '/api/me/coming',
    allowed: signedIn,
    request: () => ({ path: '/api/me/coming' }),
  },
  {
    method: 'GET',
    path: '/api/me/inbox/unread-count',
    allowed: signedIn,
    request: () => ({ path: '/api/me/inbox/unread-count' }),
  },
  {
    method: 'POST',
    path: '/api/me/inbox/read',
    allowed: signedIn,
    request: () => ({ path: '/api/me/inbox/read', body: { all: true } }),
  },
];
