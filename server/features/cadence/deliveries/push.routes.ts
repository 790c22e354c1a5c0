import { PushEndpointInput, PushKey, PushState, PushSubscriptionInput } from '../../../../common/push.js';
import type { App, Deps } from '../../../http/env.js';
import { jsonBody, jsonRoute } from '../../../http/routes.js';
import { vapidKeys } from './push-keys.js';
import { subscribePush, unsubscribePush } from './push-subscriptions.js';

const tags = ['Notifications'];

/** Web Push for the signed-in person's own browsers (issue 22, decision 061); no id in any path. */
export function registerPushRoutes(app: App, deps: Deps) {
  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/me/push/key',
      access: 'signed-in',
      summary: 'The public VAPID key a browser subscribes to push with',
      tags,
      response: PushKey,
    }),
    async (c) => c.json({ publicKey: (await vapidKeys(deps)).publicKey }, 200),
  );

  app.openapi(
    jsonRoute({
      method: 'put',
      path: '/api/me/push/subscription',
      access: 'signed-in',
      summary: 'Turn push on for this browser (or refresh it), and choose whether it shows the text',
      tags,
      request: jsonBody(PushSubscriptionInput),
      response: PushState,
    }),
    async (c) =>
      c.json(
        await subscribePush({
          db: deps.db,
          config: deps.config,
          actor: c.get('actor'),
          subscription: c.req.valid('json'),
          now: deps.now(),
        }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/me/push/unsubscribe',
      access: 'signed-in',
      summary: 'Turn push off for this browser',
      tags,
      request: jsonBody(PushEndpointInput),
      response: PushState,
    }),
    async (c) =>
      c.json(
        await unsubscribePush({ db: deps.db, actor: c.get('actor'), endpoint: c.req.valid('json').endpoint }),
        200,
      ),
  );
}
