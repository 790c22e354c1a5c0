import { CalendarFeed, CreatedCalendarFeed } from '../../../../common/calendar-feed.js';
import type { App, Deps } from '../../../http/env.js';
import { jsonRoute } from '../../../http/routes.js';
import { feedEvents, feedSeries } from './calendar-events.js';
import { createCalendarFeed, feedOwner, readCalendarFeed, revokeCalendarFeed } from './calendar-feeds.js';
import { renderIcs, withSeries } from './calendar-ics.js';

const tags = ['Calendar feed'];

/** The person's own secret calendar feed (create, replace, revoke) and the feed itself. */
export function registerCalendarFeedRoutes(app: App, deps: Deps) {
  const { db, config } = deps;

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/me/calendar-feed',
      access: 'signed-in',
      summary: 'Whether you have a calendar feed, and since when (its address is shown only when created)',
      tags,
      response: CalendarFeed,
    }),
    async (c) => c.json(await readCalendarFeed({ db, actor: c.get('actor') }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/me/calendar-feed',
      access: 'signed-in',
      summary:
        'Create your calendar feed, or replace it (the old address stops working); the address is answered once',
      tags,
      response: CreatedCalendarFeed,
    }),
    async (c) =>
      c.json(await createCalendarFeed({ db, config, actor: c.get('actor'), now: deps.now() }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'delete',
      path: '/api/me/calendar-feed',
      access: 'signed-in',
      summary: 'Revoke your calendar feed: its address answers 404 from now on',
      tags,
      response: CalendarFeed,
    }),
    async (c) => c.json(await revokeCalendarFeed({ db, actor: c.get('actor') }), 200),
  );

  // Outside /api, so calendar apps get text/calendar. The secret in the path is the access: a
  // wrong or revoked one is a plain 404, as for any unknown address. Reading writes no access-log
  // entry: the feed shows names, kinds and times, no coaching content (decision 034).
  app.get('/calendar/:file', async (c) => {
    const token = /^(.+)\.ics$/.exec(c.req.param('file'))?.[1];
    const owner = token ? await feedOwner(db, token) : null;
    if (!owner) return c.notFound();
    const now = deps.now();
    const body = withSeries(
      renderIcs({ name: owner.name, events: await feedEvents({ db, userId: owner.id, now }), now }),
      await feedSeries({ db, userId: owner.id, now }),
      now,
    );
    c.header('Cache-Control', 'private, no-store');
    c.header('Referrer-Policy', 'no-referrer');
    return c.body(body, 200, { 'Content-Type': 'text/calendar; charset=utf-8' });
  });
}
