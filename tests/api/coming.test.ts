import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dueReminders } from '../../server/features/cadence/reminders/due-reminders.js';
import { buildMember, buildPm, buildWorkspace, type Person } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Issue 21: "what is coming", told from the same rules that send the reminders. */
describe('what is coming', () => {
  let app: TestApp;
  let clock = new Date('2026-12-07T08:00:00Z'); // a Monday, 09:00 in Berlin
  let admin: Person | undefined;
  beforeAll(async () => {
    app = await startTestApp({ now: () => clock });
  });
  afterAll(async () => {
    await app.close();
  });
  const settings = (over: Record<string, unknown> = {}) => ({
    email: false,
    includeText: false,
    nudgeFrequency: 'weekly',
    quietHours: null,
    timeZone: 'Europe/Berlin',
    kindsOff: [],
    coachPromptDay: 1,
    ...over,
  });

  it('lists the next sessions and due actions with when their reminder comes, and the sweep agrees', async () => {
    const coach = await buildWorkspace(app);
    admin = coach;
    const pm = await buildPm(app, coach, 'Pia PM');
    await coach.client.put('/api/me/notifications', settings());
    // The PM is quiet until 10:00: the reminder the day before at 09:00 reaches her at 10:00.
    await pm.client.put('/api/me/notifications', settings({ quietHours: { from: '22:00', to: '10:00' } }));
    const session = await coach.client.post(`/api/pms/${pm.id}/coaching-sessions`, {
      startsAt: '2026-12-10T09:00',
      timeZone: 'Europe/Berlin',
      kind: 'monthly',
    });
    expect(session.status, session.text).toBe(200);
    const plan = await pm.client.post(`/api/pms/${pm.id}/plan`, {
      headline: 'Grow',
      themes: [
        {
          title: 'Users',
          areas: ['understand-the-problem'],
          actions: [{ text: 'Interviews', dueOn: '2026-12-12' }],
        },
      ],
    });
    expect(plan.status, plan.text).toBe(200);

    const forCoach = await coach.client.get('/api/me/coming');
    expect(forCoach.status).toBe(200);
    expect(forCoach.body.items).toEqual([
      {
        kind: 'session',
        at: '2026-12-10T08:00:00.000Z',
        words: 'Thursday 10 December, 09:00: coaching session with Pia PM',
        reminder: 'reminder the day before at 09:00',
        link: `/coaching-sessions/${session.body.id}`,
      },
    ]);
    const forPm = (await pm.client.get('/api/me/coming')).body.items;
    expect(forPm.map((i: { words: string; reminder: string }) => [i.words, i.reminder])).toEqual([
      ['Thursday 10 December, 09:00: coaching session with Ada Admin', 'reminder the day before at 10:00'],
      ['Saturday 12 December: an action of your plan is due', 'reminder the day before at 10:00'],
    ]);

    // The sweep sends the session reminder exactly from then: not a minute before 09:00 on Wednesday.
    const sessionReminders = async () =>
      (await dueReminders({ db: app.deps.db, now: clock, config: app.deps.config })).filter(
        (d) => d.kind === 'session-tomorrow' && d.recipientId === coach.id,
      );
    clock = new Date('2026-12-09T07:59:00Z');
    expect(await sessionReminders()).toEqual([]);
    clock = new Date('2026-12-09T08:00:00Z');
    expect(await sessionReminders()).toHaveLength(1);
    // Once it went out, the list says no reminder is still to come.
    expect((await coach.client.get('/api/me/coming')).body.items[0].reminder).toBeNull();
  });

  it('shows a former coach nothing of the PM’s sessions once the pair ended', async () => {
    clock = new Date('2026-12-07T08:00:00Z');
    const coach = await buildMember(app, admin!, 'Cole Coach');
    const pm = await buildPm(app, coach, 'Quinn PM');
    const s = await coach.client.post(`/api/pms/${pm.id}/coaching-sessions`, {
      startsAt: '2026-12-11T09:00',
      timeZone: 'Europe/Berlin',
      kind: 'weekly',
    });
    expect(s.status, s.text).toBe(200);
    expect((await coach.client.get('/api/me/coming')).body.items).toHaveLength(1);
    expect((await pm.client.post(`/api/pairs/${pm.pairId}/end`, {})).status).toBe(200);
    expect((await coach.client.get('/api/me/coming')).body.items).toEqual([]);
  });
});
