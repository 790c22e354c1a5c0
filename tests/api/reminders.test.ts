import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DueDelivery } from '../../server/features/cadence/deliveries/due.js';
import { dueReminders } from '../../server/features/cadence/reminders/due-reminders.js';
import { isoWeek } from '../../server/features/cadence/reminders/reminder-rules.js';
import { buildPm, buildRound, buildWorkspace, type Person } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ZONE = 'Europe/Berlin';

let app: TestApp;
let clock: Date;
let start: number;
beforeEach(async () => {
  start = Date.now();
  clock = new Date(start);
  app = await startTestApp({ now: () => clock });
});
afterEach(async () => {
  await app.close();
});

/** The local "YYYY-MM-DDTHH:mm" of an instant in a time zone. */
function localIn(timeZone: string, ms: number) {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(ms))
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

const sweep = () => dueReminders({ db: app.deps.db, now: clock, config: app.deps.config });
const at = (ms: number) => {
  clock = new Date(ms);
};
const of = (due: DueDelivery[], kind: DueDelivery['kind']) => due.filter((d) => d.kind === kind);
const recipients = (due: DueDelivery[]) => due.map((d) => d.recipientId).sort();
const keys = (due: DueDelivery[]) => due.map((d) => d.key).sort();

async function schedule(who: Person, pm: Person, startsAtMs: number, kind = 'monthly') {
  const res = await who.client.post(`/api/pms/${pm.id}/coaching-sessions`, {
    startsAt: localIn(ZONE, startsAtMs),
    timeZone: ZONE,
    kind,
  });
  expect(res.status, res.text).toBe(200);
  return res.body as { id: string; startsAt: string };
}

async function pair() {
  const coach = await buildWorkspace(app);
  const pm = await buildPm(app, coach, 'Pia PM');
  return { coach, pm };
}

describe('session reminders', () => {
  it('reminds the PM and the coach of a session in the next 24 hours, once, and again when rescheduled', async () => {
    const { coach, pm } = await pair();
    const soon = await schedule(coach, pm, start + 20 * HOUR);
    await schedule(coach, pm, start + 30 * HOUR);
    const first = of(await sweep(), 'session-tomorrow');
    expect(recipients(first)).toEqual([coach.id, pm.id].sort());
    expect(first.every((d) => d.link === `/coaching-sessions/${soon.id}`)).toBe(true);
    const forCoach = first.find((d) => d.recipientId === coach.id)!;
    const clockTime = localIn(ZONE, Date.parse(soon.startsAt)).slice(11);
    expect(forCoach.title).toMatch(
      new RegExp(`^Coaching session with Pia PM (today|tomorrow) at ${clockTime}$`),
    );
    expect(first.find((d) => d.recipientId === pm.id)!.title).toContain('with Ada Admin');
    expect(new Set(keys(first)).size).toBe(2);

    // A second sweep at the same time yields the same keys (the outbox stores each once).
    expect(keys(of(await sweep(), 'session-tomorrow'))).toEqual(keys(first));

    const moved = await coach.client.patch(`/api/coaching-sessions/${soon.id}`, {
      startsAt: localIn(ZONE, start + 22 * HOUR),
    });
    expect(moved.status, moved.text).toBe(200);
    const again = of(await sweep(), 'session-tomorrow');
    expect(again).toHaveLength(2);
    expect(keys(again).some((k) => keys(first).includes(k))).toBe(false);

    const cancelled = await pm.client.post(`/api/coaching-sessions/${soon.id}/cancel`, {});
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(of(await sweep(), 'session-tomorrow')).toEqual([]);
  });

  it('names a weekly check-in as such and leaves a session more than 24 hours away alone', async () => {
    const { coach, pm } = await pair();
    await schedule(pm, pm, start + 25 * HOUR, 'weekly');
    expect(of(await sweep(), 'session-tomorrow')).toEqual([]);
    at(start + 2 * HOUR);
    const due = of(await sweep(), 'session-tomorrow');
    expect(recipients(due)).toEqual([coach.id, pm.id].sort());
    expect(due.every((d) => d.title.startsWith('Weekly check-in with'))).toBe(true);
  });

  it('warns both of a big bang review after 35 days without a held session, once per ISO week', async () => {
    const { coach, pm } = await pair();
    at(start + 34 * DAY);
    expect(of(await sweep(), 'session-overdue')).toEqual([]);
    at(start + 36 * DAY);
    const overdue = of(await sweep(), 'session-overdue');
    expect(recipients(overdue)).toEqual([coach.id, pm.id].sort());
    expect(overdue.every((d) => d.key.includes(`:${isoWeek(clock)}:`))).toBe(true);
    expect(overdue.find((d) => d.recipientId === pm.id)!.title).toBe(
      'Coaching session with Ada Admin overdue',
    );
    expect(keys(of(await sweep(), 'session-overdue'))).toEqual(keys(overdue));
    at(start + 43 * DAY);
    const nextWeek = of(await sweep(), 'session-overdue');
    expect(nextWeek).toHaveLength(2);
    expect(keys(nextWeek).some((k) => keys(overdue).includes(k))).toBe(false);

    // A held session resets the rhythm.
    const session = await schedule(coach, pm, clock.getTime() + HOUR);
    expect((await coach.client.post(`/api/coaching-sessions/${session.id}/start`, {})).status).toBe(200);
    expect((await coach.client.post(`/api/coaching-sessions/${session.id}/end`, {})).status).toBe(200);
    expect(of(await sweep(), 'session-overdue')).toEqual([]);
    at(clock.getTime() + 36 * DAY);
    expect(recipients(of(await sweep(), 'session-overdue'))).toEqual([coach.id, pm.id].sort());
  });

  it('sends nothing to a former coach once the pair has ended', async () => {
    const { coach, pm } = await pair();
    await schedule(coach, pm, start + 5 * HOUR);
    const plan = await pm.client.post(`/api/pms/${pm.id}/plan`, { headline: 'Own discovery' });
    expect(plan.status, plan.text).toBe(200);
    const moments: [number, DueDelivery['kind']][] = [
      [start + 4 * HOUR, 'session-tomorrow'],
      [start + 40 * DAY, 'session-overdue'],
      [start + 91 * DAY, 'plan-refresh-due'],
    ];
    for (const [when, kind] of moments) {
      at(when);
      expect(of(await sweep(), kind).map((d) => d.recipientId)).toContain(coach.id);
    }

    const ended = await pm.client.post(`/api/pairs/${pm.pairId}/end`, {});
    expect(ended.status, ended.text).toBe(200);
    for (const [when] of moments) {
      at(when);
      expect((await sweep()).filter((d) => d.recipientId === coach.id)).toEqual([]);
    }
  });
});

describe('plan and vision reminders', () => {
  it('reminds the PM of actions due today and tomorrow, without the action text', async () => {
    const { coach, pm } = await pair();
    const day = (n: number) => new Date(start + n * DAY).toISOString().slice(0, 10);
    const plan = await pm.client.post(`/api/pms/${pm.id}/plan`, {
      headline: 'Own discovery',
      themes: [
        {
          title: 'Talk to users',
          actions: [
            { text: 'Secret action today', dueOn: day(0) },
            { text: 'Secret action tomorrow', dueOn: day(1), status: 'in_progress' },
            { text: 'Secret action later', dueOn: day(3) },
            { text: 'Secret action done', dueOn: day(1), status: 'done' },
            { text: 'Secret action dropped', dueOn: day(0), status: 'dropped' },
          ],
        },
      ],
    });
    expect(plan.status, plan.text).toBe(200);
    const due = of(await sweep(), 'action-due');
    expect(recipients(due)).toEqual([pm.id, pm.id]);
    expect(due.map((d) => d.title).sort()).toEqual(['Action due today', 'Action due tomorrow']);
    expect(JSON.stringify(due)).not.toContain('Secret');
    expect(due.every((d) => d.link === `/pms/${pm.id}/plan`)).toBe(true);
    expect(keys(of(await sweep(), 'action-due'))).toEqual(keys(due));
    expect(due.some((d) => d.recipientId === coach.id)).toBe(false);
  });

  it('counts “today” in the PM’s own time zone: late evening in Los Angeles is still today there', async () => {
    const { pm } = await pair();
    // 05:00 UTC on 10 December is 21:00 on the 9th in Los Angeles.
    at(Date.parse('2026-12-10T05:00:00.000Z'));
    const settings = await pm.client.put('/api/me/notifications', {
      email: false,
      includeText: false,
      nudgeFrequency: 'weekly',
      quietHours: null,
      timeZone: 'America/Los_Angeles',
      kindsOff: [],
      coachPromptDay: 1,
    });
    expect(settings.status, settings.text).toBe(200);
    const plan = await pm.client.post(`/api/pms/${pm.id}/plan`, {
      headline: 'Own discovery',
      themes: [
        {
          title: 'Talk to users',
          actions: [
            { text: 'Due on the 9th', dueOn: '2026-12-09' },
            { text: 'Due on the 10th', dueOn: '2026-12-10' },
            { text: 'Due on the 11th', dueOn: '2026-12-11' },
          ],
        },
      ],
    });
    expect(plan.status, plan.text).toBe(200);
    const due = of(await sweep(), 'action-due');
    expect(due.map((d) => d.text.match(/due (\w+) \((.+)\)/)!.slice(1)).sort()).toEqual([
      ['today', '2026-12-09'],
      ['tomorrow', '2026-12-10'],
    ]);
  });

  it('reminds PM and coach of the quarterly refresh and the vision revisit, once per due date', async () => {
    const { coach, pm } = await pair();
    expect((await pm.client.post(`/api/pms/${pm.id}/plan`, { headline: 'Own discovery' })).status).toBe(200);
    const proposed = await pm.client.post(`/api/pms/${pm.id}/vision/proposals`, {
      nextBiggerChallenge: 'Secret challenge',
      careerDirection: 'Secret direction',
    });
    expect(proposed.status, proposed.text).toBe(200);
    const accepted = await coach.client.post(
      `/api/pms/${pm.id}/vision/proposals/${proposed.body.proposal.id}/accept`,
      {},
    );
    expect(accepted.status, accepted.text).toBe(200);

    at(start + 89 * DAY);
    let due = await sweep();
    expect(of(due, 'plan-refresh-due')).toEqual([]);
    expect(of(due, 'vision-revisit-due')).toEqual([]);

    at(start + 91 * DAY);
    due = await sweep();
    const refresh = of(due, 'plan-refresh-due');
    const revisit = of(due, 'vision-revisit-due');
    expect(recipients(refresh)).toEqual([coach.id, pm.id].sort());
    expect(recipients(revisit)).toEqual([coach.id, pm.id].sort());
    expect(refresh.find((d) => d.recipientId === coach.id)!.title).toBe('Plan refresh due (Pia PM)');
    expect(revisit.find((d) => d.recipientId === pm.id)!.title).toBe('Shared vision revisit due');
    expect(JSON.stringify(due)).not.toContain('Secret');

    // Days later the same due date gives the same keys: one reminder per due date.
    at(start + 95 * DAY);
    const later = await sweep();
    expect(keys(of(later, 'plan-refresh-due'))).toEqual(keys(refresh));
    expect(keys(of(later, 'vision-revisit-due'))).toEqual(keys(revisit));

    // Past the two-week catch-up window the sweep stops offering them (each was enqueued once by then).
    at(start + 105 * DAY);
    const stale = await sweep();
    expect(of(stale, 'plan-refresh-due')).toEqual([]);
    expect(of(stale, 'vision-revisit-due')).toEqual([]);
  });
});

describe('rounds and invitations', () => {
  it('reminds the side that has not submitted after two days, once per round', async () => {
    const { coach, pm } = await pair();
    const round = await buildRound(pm, coach, { submit: false });
    const scores = Object.fromEntries(
      (round.frameworkVersion.areas as { statements: { key: string }[] }[]).flatMap((a) =>
        a.statements.map((s) => [s.key, 6]),
      ),
    );
    const self = await pm.client.post(`/api/rounds/${round.id}/assessments/self/submit`, {
      scores,
      notes: {},
    });
    expect(self.status, self.text).toBe(200);
    at(start + DAY);
    expect(of(await sweep(), 'round-waiting')).toEqual([]);
    at(start + 3 * DAY);
    const waiting = of(await sweep(), 'round-waiting');
    expect(waiting).toEqual([
      expect.objectContaining({
        recipientId: coach.id,
        key: `round-waiting:${round.id}:${coach.id}`,
        title: 'Pia PM is waiting for your assessment',
        link: `/rounds/${round.id}`,
      }),
    ]);
    const coachSide = await coach.client.post(`/api/rounds/${round.id}/assessments/coach/submit`, {
      scores,
      nextBiggerChallenge: 'Lead the H2 planning',
    });
    expect(coachSide.status, coachSide.text).toBe(200);
    expect(of(await sweep(), 'round-waiting')).toEqual([]);

    // The other direction: the coach submitted, the PM has not.
    const second = await buildRound(pm, coach, { submit: false });
    const coachFirst = await coach.client.post(`/api/rounds/${second.id}/assessments/coach/submit`, {
      scores,
      nextBiggerChallenge: 'Lead the H2 planning',
    });
    expect(coachFirst.status, coachFirst.text).toBe(200);
    at(start + 6 * DAY);
    expect(of(await sweep(), 'round-waiting')).toEqual([
      expect.objectContaining({ recipientId: pm.id, title: 'Ada Admin is waiting for your self-assessment' }),
    ]);
  });

  it('reminds the inviter of an open invitation in its last 48 hours, and not after it is accepted', async () => {
    const { coach, pm } = await pair();
    const inv = await coach.client.post('/api/invitations', { email: 'newcomer@example.com', kind: 'pm' });
    expect(inv.status, inv.text).toBe(200);
    at(start + 4 * DAY);
    expect(of(await sweep(), 'invitation-expiring')).toEqual([]);
    at(start + 6 * DAY);
    const expiring = of(await sweep(), 'invitation-expiring');
    expect(expiring).toEqual([
      expect.objectContaining({
        recipientId: coach.id,
        title: 'Invitation for newcomer@example.com expires soon',
      }),
    ]);
    expect(expiring.some((d) => d.recipientId === pm.id)).toBe(false);
    expect(keys(of(await sweep(), 'invitation-expiring'))).toEqual(keys(expiring));
    at(start + 8 * DAY);
    expect(of(await sweep(), 'invitation-expiring')).toEqual([]);
  });
});

describe('the cost of a sweep', () => {
  it('is the same handful of queries for one pair or many (set-based, never one per PM)', async () => {
    const countQueries = async () => {
      let queries = 0;
      const db = app.deps.db.withPlugin({
        transformQuery: (args) => {
          queries++;
          return args.node;
        },
        transformResult: async (args) => args.result,
      });
      const due = await dueReminders({ db, now: clock, config: app.deps.config });
      return { queries, due };
    };
    const coach = await buildWorkspace(app);
    const first = await buildPm(app, coach, 'Pia PM');
    at(start + 36 * DAY);
    const one = await countQueries();
    expect(recipients(of(one.due, 'session-overdue'))).toEqual([coach.id, first.id].sort());

    at(start);
    for (let i = 0; i < 4; i++) await buildPm(app, coach);
    at(start + 36 * DAY);
    const five = await countQueries();
    expect(of(five.due, 'session-overdue')).toHaveLength(10);
    expect(one.queries).toBe(8);
    expect(five.queries).toBe(one.queries);
  });
});
