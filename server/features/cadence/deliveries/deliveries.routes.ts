import {
  InboxPage,
  InboxQuery,
  MarkReadInput,
  NotificationSettings,
  NotificationSettingsInput,
  NotificationSettingsQuery,
  TestSendInput,
  TestSendResult,
  UnreadCount,
} from '../../../../common/deliveries.js';
import type { App, Deps } from '../../../http/env.js';
import { jsonBody, jsonRoute } from '../../../http/routes.js';
import { listInbox, markRead, sendTest, unreadCount } from './inbox.js';
import { readSettings, saveSettings } from './settings.js';

/** The signed-in person's own notification settings and inbox (never anyone else's). */
export function registerDeliveryRoutes(app: App, deps: Deps) {
  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/me/notifications',
      access: 'signed-in',
      summary: 'Your notification settings (webhook URLs masked) and deliveries that failed',
      tags: ['Notifications'],
      request: { query: NotificationSettingsQuery },
      response: NotificationSettings,
    }),
    async (c) =>
      c.json(
        await readSettings({
          db: deps.db,
          config: deps.config,
          actor: c.get('actor'),
          deviceTimeZone: c.req.valid('query').timeZone,
        }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'put',
      path: '/api/me/notifications',
      access: 'signed-in',
      summary: 'Save your notification settings (an omitted webhook URL keeps the stored one)',
      tags: ['Notifications'],
      request: jsonBody(NotificationSettingsInput),
      response: NotificationSettings,
    }),
    async (c) =>
      c.json(
        await saveSettings({
          db: deps.db,
          config: deps.config,
          actor: c.get('actor'),
          settings: c.req.valid('json'),
          now: deps.now(),
        }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/me/notifications/test',
      access: 'signed-in',
      summary: 'Send a test on one of your channels now, and hear how it went',
      tags: ['Notifications'],
      request: jsonBody(TestSendInput),
      response: TestSendResult,
    }),
    async (c) =>
      c.json(await sendTest({ deps, actor: c.get('actor'), channel: c.req.valid('json').channel }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/me/inbox',
      access: 'signed-in',
      summary: 'Your inbox: nudges and reminders, newest first, 20 a page',
      tags: ['Notifications'],
      request: { query: InboxQuery },
      response: InboxPage,
    }),
    async (c) =>
      c.json(await listInbox({ db: deps.db, actor: c.get('actor'), page: c.req.valid('query').page }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/me/inbox/unread-count',
      access: 'signed-in',
      summary: 'How many items in your inbox are unread',
      tags: ['Notifications'],
      response: UnreadCount,
    }),
    async (c) => c.json({ unread: await unreadCount({ db: deps.db, actor: c.get('actor') }) }, 200),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/me/inbox/read',
      access: 'signed-in',
      summary: 'Mark items of your inbox read ({ids}) or all of them ({all: true})',
      tags: ['Notifications'],
      request: jsonBody(MarkReadInput),
      response: UnreadCount,
    }),
    async (c) => {
      const body = c.req.valid('json');
      const ids = 'all' in body ? ('all' as const) : body.ids;
      return c.json(
        { unread: await markRead({ db: deps.db, actor: c.get('actor'), ids, now: deps.now() }) },
        200,
      );
    },
  );
}
