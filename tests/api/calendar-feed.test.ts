import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildMember, buildPm, buildWorkspace, type Person } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

const DAY = 86_400_000;
const app = useTestApp({ perTest: true });

interface FeedEvent {
  uid: string;
  summary: string;
  start: Date;
  allDay: boolean;
  date: string;
  status: string | null;
}

/** Fetches a feed over plain HTTP (no cookie, as a calendar app does) and parses it with ical.js. */
async function fetchFeed(url: string) {
  const res = await fetch(url);
  const text = await res.text();
  if (res.status !== 200)
    return { status: res.status, text, type: res.headers.get('content-type'), events: [] };
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events: FeedEvent[] = calendar.getAllSubcomponents('vevent').map((v) => {
    const event = new ICAL.Event(v);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate(),
      allDay: event.startDate.isDate,
      date: event.startDate.toString().slice(0, 10),
      status: (v.getFirstPropertyValue('status') as string | null) ?? null,
    };
  });
  return { status: res.status, text, type: res.headers.get('content-type'), events };
}

async function createFeed(who: Person) {
  const res = await who.client.post('/api/me/calendar-feed');
  expect(res.status, res.text).toBe(200);
  return res.body.url as string;
}

async function schedule(who: Person, pm: Person, startsAt: string, extra: Record<string, unknown> = {}) {
  const res = await who.client.post(`/api/pms/${pm.id}/coaching-sessions`, {
    startsAt,
    timeZone: 'Europe/Berlin',
    ...extra,
  });
  expect(res.status, res.text).toBe(200);
  return res.body as { id: string };
}

const uidOf = (sessionId: string) => `coaching-session-${sessionId}@wheelhouse`;

describe('the calendar feed', () => {
  it('shows the pair’s sessions at the right instants across the October change, all-day dues, no coaching content', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach, 'Pia PM');
    // Berlin leaves summer time on Sunday 31 October 2027: 10:00 is 08:00 UTC before, 09:00 UTC after.
    const before = await schedule(coach, pm, '2027-10-30T10:00');
    const after = await schedule(pm, pm, '2027-11-01T10:00', { kind: 'weekly', minutes: 30 });
    const cancelled = await schedule(coach, pm, '2027-11-15T10:00');
    expect((await coach.client.post(`/api/coaching-sessions/${cancelled.id}/cancel`)).status).toBe(200);
    const notes = await coach.client.put(`/api/coaching-sessions/${before.id}/notes`, {
      body: 'Secret shared note',
    });
    expect(notes.status, notes.text).toBe(200);
    const dueOn = new Date(Date.now() + 3 * DAY).toISOString().slice(0, 10);
    const plan = await pm.client.post(`/api/pms/${pm.id}/plan`, {
      headline: 'Secret headline',
      themes: [
        {
          title: 'Secret theme',
          actions: [
            { text: 'Secret action text', dueOn },
            { text: 'Secret done action', dueOn, status: 'done' },
          ],
        },
      ],
    });
    expect(plan.status, plan.text).toBe(200);
    const proposed = await pm.client.post(`/api/pms/${pm.id}/vision/proposals`, {
      nextBiggerChallenge: 'Secret challenge',
      careerDirection: 'Secret direction',
    });
    expect(proposed.status, proposed.text).toBe(200);
    const agreed = await coach.client.post(
      `/api/pms/${pm.id}/vision/proposals/${proposed.body.proposal.id}/accept`,
    );
    expect(agreed.status, agreed.text).toBe(200);

    const pmFeedUrl = await createFeed(pm);
    expect(pmFeedUrl).toMatch(new RegExp(`^${app.url}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    const logBefore = await app.deps.db.selectFrom('access_log').selectAll().execute();
    const feed = await fetchFeed(pmFeedUrl);
    expect(feed.status).toBe(200);
    expect(feed.type).toMatch(/^text\/calendar/);

    const byUid = new Map(feed.events.map((e) => [e.uid, e]));
    expect(byUid.get(uidOf(before.id))).toMatchObject({
      summary: 'Coaching session with Ada Admin',
      allDay: false,
    });
    expect(byUid.get(uidOf(before.id))!.start.toISOString()).toBe('2027-10-30T08:00:00.000Z');
    expect(byUid.get(uidOf(after.id))).toMatchObject({ summary: 'Weekly check-in with Ada Admin' });
    expect(byUid.get(uidOf(after.id))!.start.toISOString()).toBe('2027-11-01T09:00:00.000Z');
    expect(byUid.get(uidOf(cancelled.id))!.status).toBe('CANCELLED');
    expect(byUid.get(uidOf(before.id))!.status).toBe('CONFIRMED');

    const refreshDue = new Date(Date.parse(plan.body.createdAt ?? new Date().toISOString()) + 90 * DAY)
      .toISOString()
      .slice(0, 10);
    const refresh = feed.events.find((e) => e.summary === 'Plan refresh due');
    expect(refresh).toMatchObject({ allDay: true, date: refreshDue });
    const revisitDue = new Date(Date.now() + 90 * DAY).toISOString().slice(0, 10);
    expect(feed.events.find((e) => e.summary === 'Shared vision revisit due')).toMatchObject({
      allDay: true,
      date: revisitDue,
    });
    const actions = feed.events.filter((e) => e.summary === 'Action due');
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ allDay: true, date: dueOn });
    expect(feed.text).not.toMatch(/Secret/);

    // Stable UIDs: a second read names the same events the same way.
    expect((await fetchFeed(pmFeedUrl)).events.map((e) => e.uid).sort()).toEqual(
      feed.events.map((e) => e.uid).sort(),
    );
    // Reading the feed leaves the access log as it was.
    expect(await app.deps.db.selectFrom('access_log').selectAll().execute()).toEqual(logBefore);

    // The coach's own feed names the PM, and shows the PM's refresh with the PM's name, but no actions.
    const coachFeed = await fetchFeed(await createFeed(coach));
    expect(coachFeed.events.find((e) => e.uid === uidOf(before.id))!.summary).toBe(
      'Coaching session with Pia PM',
    );
    expect(coachFeed.events.some((e) => e.summary === 'Plan refresh due (Pia PM)')).toBe(true);
    expect(coachFeed.events.some((e) => e.summary === 'Action due')).toBe(false);
    expect(coachFeed.text).not.toMatch(/Secret/);
  });

  it('is replaced (old address 404), revoked (404 like any unknown address), and read back as existing or not', async () => {
    const coach = await buildWorkspace(app);
    expect((await coach.client.get('/api/me/calendar-feed')).body).toEqual({
      exists: false,
      createdAt: null,
    });
    const first = await createFeed(coach);
    expect((await coach.client.get('/api/me/calendar-feed')).body).toMatchObject({ exists: true });
    expect(JSON.stringify((await coach.client.get('/api/me/calendar-feed')).body)).not.toContain(
      '/calendar/',
    );
    expect((await fetchFeed(first)).status).toBe(200);

    const second = await createFeed(coach);
    expect(second).not.toBe(first);
    const unknown = await fetch(`${app.url}/no-such-address`);
    const unknownText = await unknown.text();
    const old = await fetchFeed(first);
    expect([old.status, old.text]).toEqual([404, unknownText]);
    expect((await fetchFeed(second)).status).toBe(200);
    expect((await fetchFeed(`${app.url}/calendar/${'x'.repeat(43)}.ics`)).status).toBe(404);

    expect((await coach.client.delete('/api/me/calendar-feed')).status).toBe(200);
    const revoked = await fetchFeed(second);
    expect([revoked.status, revoked.text]).toEqual([404, unknownText]);
    expect((await coach.client.get('/api/me/calendar-feed')).body).toEqual({
      exists: false,
      createdAt: null,
    });
    expect((await app.deps.db.selectFrom('calendar_feeds').selectAll().execute()).length).toBe(0);
  });

  it('never shows another pair’s sessions, and stops showing a pair’s sessions once it has ended', async () => {
    const admin = await buildWorkspace(app);
    const pia = await buildPm(app, admin, 'Pia PM');
    const bo = await buildMember(app, admin, 'Bo Coach');
    const quinn = await buildPm(app, bo, 'Quinn PM');
    const ours = await schedule(admin, pia, '2027-03-03T10:00');
    const theirs = await schedule(bo, quinn, '2027-03-04T10:00');

    const adminFeed = await createFeed(admin);
    const piaFeed = await createFeed(pia);
    const boFeed = await createFeed(bo);
    const uids = async (url: string) => (await fetchFeed(url)).events.map((e) => e.uid);
    expect(await uids(adminFeed)).toContain(uidOf(ours.id));
    expect(await uids(adminFeed)).not.toContain(uidOf(theirs.id));
    expect(await uids(piaFeed)).not.toContain(uidOf(theirs.id));
    expect(await uids(boFeed)).toEqual([uidOf(theirs.id)]);

    const ended = await admin.client.post(`/api/pairs/${pia.pairId}/end`);
    expect(ended.status, ended.text).toBe(200);
    expect(await uids(adminFeed)).not.toContain(uidOf(ours.id));
    expect(await uids(piaFeed)).not.toContain(uidOf(ours.id));
  });
});
