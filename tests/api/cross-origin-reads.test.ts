import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPm, buildWorkspace, type Person } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 19, row 13: a page on the same host but another port (same-site, cross-origin) made a
 * coach's browser read a PM's plan with <img>, a no-cors fetch or a navigation, and each read
 * wrote "plan:read" into the PM's access log. The headers below are what Chromium sends then.
 */
const img = { 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'image' };
const noCorsFetch = { 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'empty' };
const navigation = {
  'sec-fetch-site': 'cross-site',
  'sec-fetch-mode': 'navigate',
  'sec-fetch-dest': 'document',
  'sec-fetch-user': '?1',
};
const ownPage = { 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty' };

let app: TestApp;
let coach: Person;
let pm: Person;
let plan = '';
beforeAll(async () => {
  app = await startTestApp();
  coach = await buildWorkspace(app);
  pm = await buildPm(app, coach, 'Pat PM');
  plan = `/api/pms/${pm.id}/plan`;
  const made = await pm.client.post(plan, {
    headline: 'Grow',
    themes: [{ title: 'Talk to users', actions: [] }],
  });
  expect(made.status, made.text).toBe(200);
});
afterAll(async () => {
  await app.close();
});

const planReads = async () =>
  (
    await app.deps.db
      .selectFrom('access_log')
      .select('id')
      .where('pm_id', '=', pm.id)
      .where('actor_id', '=', coach.id)
      .where('action', '=', 'plan:read')
      .execute()
  ).length;

describe('reads another origin starts', () => {
  it('show nothing and write no access-log entry (<img>, no-cors fetch, navigation: 3 of 3)', async () => {
    for (const headers of [img, noCorsFetch, navigation]) {
      const before = await planReads();
      const res = await coach.client.request('GET', plan, undefined, headers);
      expect(res.status, headers['sec-fetch-mode']).not.toBe(200);
      expect(res.text).not.toContain('Talk to users');
      expect(await planReads()).toBe(before);
    }
    // The cookie was not cleared: the coach is still signed in on their own pages.
    expect((await coach.client.request('GET', '/api/session', undefined, ownPage)).body.me.id).toBe(coach.id);
  });

  it('still work from our own pages, a typed address, with the CSRF header, and for clients without Fetch Metadata', async () => {
    const allowed: Record<string, string>[] = [
      ownPage,
      { 'sec-fetch-site': 'none', 'sec-fetch-mode': 'navigate' },
      { ...noCorsFetch, 'x-csrf-token': coach.client.csrfToken },
      {},
    ];
    for (const headers of allowed) {
      const before = await planReads();
      const res = await coach.client.request('GET', plan, undefined, headers);
      expect(res.status, JSON.stringify(headers)).toBe(200);
      expect(await planReads()).toBe(before + 1);
    }
  });

  it('leave the calendar feed by its secret address and public pages working', async () => {
    const feed = await coach.client.post('/api/me/calendar-feed');
    expect(feed.status, feed.text).toBe(200);
    const ics = await fetch(feed.body.url as string, { headers: navigation });
    expect(ics.status).toBe(200);
    expect(await ics.text()).toContain('BEGIN:VCALENDAR');
    expect((await coach.client.request('GET', '/api/health', undefined, img)).status).toBe(200);
  });
});
