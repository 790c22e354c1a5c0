import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { producers } from '../../server/cadence.js';
import { runSweep } from '../../server/features/cadence/deliveries/outbox.js';
import { dueReminders } from '../../server/features/cadence/reminders/due-reminders.js';
import { buildPm, buildWorkspace, scoresFor, type Person } from '../support/factories.js';
import { startSmtpServer } from '../support/smtp.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Issue 21's inbox fixes, as a person notices them. */
describe('the inbox and its defaults', () => {
  let app: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let clock = new Date();
  let coach: Person;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    app = await startTestApp({ smtpUrl: smtp.url, now: () => clock });
    coach = await buildWorkspace(app);
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  it('email is on by default when mail is set up, and a person can turn it off', async () => {
    const pm = await buildPm(app, coach, 'Pia PM');
    expect((await pm.client.get('/api/me/notifications')).body.email).toMatchObject({
      on: true,
      mailConfigured: true,
    });
    const round = (await coach.client.post(`/api/pms/${pm.id}/rounds`, {})).body;
    await coach.client.post(`/api/rounds/${round.id}/assessments/coach/submit`, {
      scores: scoresFor(round, 5),
      nextBiggerChallenge: 'Lead',
    });
    const before = smtp.inbox.length;
    await runSweep({ deps: app.deps, now: clock, producers, instanceId: 'one' });
    expect(smtp.inbox.slice(before).filter((m) => m.to[0] === pm.email)).toHaveLength(1);

    const off = await pm.client.put('/api/me/notifications', {
      email: false,
      includeText: false,
      nudgeFrequency: 'weekly',
      quietHours: null,
      timeZone: 'UTC',
      kindsOff: [],
      coachPromptDay: 1,
    });
    expect(off.body.email.on).toBe(false);
    await coach.client.post(`/api/pms/${pm.id}/vision/proposals`, { nextBiggerChallenge: 'Own it' });
    const mark = smtp.inbox.length;
    await runSweep({ deps: app.deps, now: clock, producers, instanceId: 'one' });
    expect(smtp.inbox.slice(mark).filter((m) => m.to[0] === pm.email)).toEqual([]);
  });

  it('the time zone defaults to the device’s until the person saves one', async () => {
    const pm = await buildPm(app, coach);
    const fresh = await pm.client.get('/api/me/notifications?timeZone=America%2FNew_York');
    expect(fresh.body.timeZone).toBe('America/New_York');
    expect((await pm.client.get('/api/me/notifications?timeZone=Mars%2FOlympus')).status).toBe(400);
    await pm.client.put('/api/me/notifications', {
      email: true,
      includeText: false,
      nudgeFrequency: 'weekly',
      quietHours: null,
      timeZone: 'Asia/Tokyo',
      kindsOff: [],
      coachPromptDay: 1,
    });
    expect((await pm.client.get('/api/me/notifications?timeZone=America%2FNew_York')).body.timeZone).toBe(
      'Asia/Tokyo',
    );
  });

  it('"today" or "tomorrow" in a session reminder is the recipient’s own day', async () => {
    // 23:30 in Berlin on 7 Dec is already 8 Dec in Tokyo; a session at 09:00 Berlin on 8 Dec is
    // "tomorrow" for the Berlin coach and "today" for the PM in Tokyo (17:00 there).
    clock = new Date('2026-12-07T22:30:00Z');
    const pm = await buildPm(app, coach, 'Pia PM');
    const settings = (timeZone: string) => ({
      email: false,
      includeText: false,
      nudgeFrequency: 'weekly',
      quietHours: null,
      timeZone,
      kindsOff: [],
      coachPromptDay: 1,
    });
    await coach.client.put('/api/me/notifications', settings('Europe/Berlin'));
    await pm.client.put('/api/me/notifications', settings('Asia/Tokyo'));
    const s = await coach.client.post(`/api/pms/${pm.id}/coaching-sessions`, {
      startsAt: '2026-12-08T09:00',
      timeZone: 'Europe/Berlin',
      kind: 'monthly',
    });
    expect(s.status, s.text).toBe(200);
    const due = (await dueReminders({ db: app.deps.db, now: clock, config: app.deps.config })).filter(
      (d) => d.kind === 'session-tomorrow',
    );
    expect(due.find((d) => d.recipientId === coach.id)?.title).toBe(
      'Coaching session with Pia PM tomorrow at 09:00',
    );
    expect(due.find((d) => d.recipientId === pm.id)?.title).toBe(
      'Coaching session with Ada Admin today at 17:00',
    );
    clock = new Date();
  });

  it('a nudge is no longer new once the PM reacted to it', async () => {
    const pm = await buildPm(app, coach, 'Pia PM');
    const sent = await coach.client.post(`/api/pms/${pm.id}/nudges`, { text: 'How did the demo go?' });
    expect(sent.status, sent.text).toBe(200);
    const inbox = async () => (await pm.client.get('/api/me/inbox')).body;
    expect((await inbox()).items[0]).toMatchObject({ kind: 'nudge', read: false });
    const reacted = await pm.client.post(`/api/pms/${pm.id}/nudges/${sent.body.id}/reaction`, {
      reaction: 'thanks',
    });
    expect(reacted.status, reacted.text).toBe(200);
    const after = await inbox();
    expect(after.items[0]).toMatchObject({ kind: 'nudge', read: true });
    expect(after.unread).toBe(0);
  });
});
