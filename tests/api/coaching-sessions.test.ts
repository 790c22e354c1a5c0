import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client } from '../support/client.js';
import { buildMember, buildPm, buildRound, buildWorkspace, type Person } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const DAY = 86_400_000;
let app: TestApp;
let clock: Date;
beforeEach(async () => {
  clock = new Date();
  app = await startTestApp({ now: () => clock });
});
afterEach(async () => {
  await app.close();
});

const today = () => new Date().toISOString().slice(0, 10);
const daysFromToday = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);

/** A coach and their PM with a plan of three themes (one action done with evidence, one overdue) and a revealed wheel with a dip. */
async function pairWithPlanAndWheel() {
  const coach = await buildWorkspace(app);
  const pm = await buildPm(app, coach, 'Pat PM');
  const plan = await pm.client.post(`/api/pms/${pm.id}/plan`, {
    headline: 'Own discovery',
    themes: [
      {
        title: 'Talk to users',
        why: '',
        actions: [
          { text: 'Lead three interviews solo', status: 'done', evidence: 'Notes from 3 interviews' },
          { text: 'Write the interview guide', dueOn: daysFromToday(-3) },
        ],
      },
      { title: 'Stakeholders', why: '', actions: [{ text: 'Map the stakeholders' }] },
      { title: 'Storytelling', why: '', actions: [] },
    ],
  });
  expect(plan.status, plan.text).toBe(200);
  const themes = plan.body.themes as { id: string; title: string; actions: { id: string }[] }[];
  const suggested = await coach.client.post(`/api/pms/${pm.id}/plan/suggestions`, {
    kind: 'new_action',
    themeId: themes[1]!.id,
    text: 'Invite sales to the review',
    dueOn: null,
    message: '',
  });
  expect(suggested.status, suggested.text).toBe(200);
  await buildRound(pm, coach, { self: 8, coach: 8 });
  await buildRound(pm, coach, { self: 8, coach: 8 });
  await buildRound(pm, coach, { self: 4, coach: 8 });
  return { coach, pm, themes };
}

async function schedule(who: Person, pm: Person, body: Record<string, unknown> = {}) {
  const res = await who.client.post(`/api/pms/${pm.id}/coaching-sessions`, {
    startsAt: `${today()}T14:30`,
    timeZone: 'Europe/Berlin',
    ...body,
  });
  expect(res.status, res.text).toBe(200);
  return res.body;
}

const kinds = (session: { agenda: { kind: string; text: string }[] }, kind: string) =>
  session.agenda.filter((i) => i.kind === kind);

describe('a coaching session', () => {
  it('is scheduled by either side in a real time zone, rescheduled, cancelled and still shown', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach);
    const bad = await coach.client.post(`/api/pms/${pm.id}/coaching-sessions`, {
      startsAt: '2031-01-15T14:30',
      timeZone: 'Mars/Olympus',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('time zone');
    const byCoach = await schedule(coach, pm, { startsAt: '2031-01-15T14:30' });
    expect(byCoach).toMatchObject({
      kind: 'monthly',
      status: 'scheduled',
      minutes: 60,
      localStart: '2031-01-15T14:30',
    });
    expect(byCoach.startsAt).toBe('2031-01-15T13:30:00.000Z');
    const weekly = await schedule(pm, pm, { kind: 'weekly', minutes: 30, startsAt: '2031-01-08T09:00' });
    expect(weekly.coach.id).toBe(coach.id);

    const moved = await pm.client.patch(`/api/coaching-sessions/${byCoach.id}`, {
      startsAt: '2031-07-15T14:30',
    });
    expect(moved.body.startsAt).toBe('2031-07-15T12:30:00.000Z');
    const cancelled = await coach.client.post(`/api/coaching-sessions/${weekly.id}/cancel`, {});
    expect(cancelled.body.status).toBe('cancelled');
    expect((await coach.client.post(`/api/coaching-sessions/${weekly.id}/start`, {})).status).toBe(409);

    for (const who of [pm, coach]) {
      const list = (await who.client.get(`/api/pms/${pm.id}/coaching-sessions`)).body;
      expect(list.upcoming.map((s: { id: string }) => s.id)).toEqual([byCoach.id]);
      expect(list.past.map((s: { id: string; status: string }) => [s.id, s.status])).toEqual([
        [weekly.id, 'cancelled'],
      ]);
    }
  });

  it('prepares its agenda from the plan and the wheel, colours themes, keeps notes and turns next steps into the plan', async () => {
    const { coach, pm, themes } = await pairWithPlanAndWheel();
    const scheduled = await schedule(coach, pm);

    // Before it starts, the coach adds two items: more than half of those added by people.
    await coach.client.post(`/api/coaching-sessions/${scheduled.id}/agenda`, {
      text: 'Roadmap review feedback',
    });
    const read = (await pm.client.get(`/api/coaching-sessions/${scheduled.id}`)).body;
    expect(kinds(read, 'theme').map((i: { text: string }) => i.text)).toEqual([
      'Colour “Talk to users”',
      'Colour “Stakeholders”',
      'Colour “Storytelling”',
    ]);
    expect(kinds(read, 'action-done')).toEqual([
      expect.objectContaining({
        text: 'Done: Lead three interviews solo',
        detail: 'Evidence: Notes from 3 interviews',
      }),
    ]);
    expect(kinds(read, 'action-due').map((i: { text: string }) => i.text)).toEqual([
      'Overdue: Write the interview guide',
    ]);
    expect(kinds(read, 'dip').length).toBeGreaterThan(0);
    expect(kinds(read, 'gap').length).toBeGreaterThan(0);
    expect(kinds(read, 'suggestion').map((i: { text: string }) => i.text)).toEqual([
      'Open suggestion: Invite sales to the review',
    ]);
    const questions = kinds(read, 'question');
    expect(questions.length).toBeGreaterThanOrEqual(2);
    expect(questions.length).toBeLessThanOrEqual(3);
    expect(read.agenda.at(-1)).toMatchObject({ text: 'Roadmap review feedback', addedBy: { side: 'coach' } });
    expect(read.ownership).toEqual({ byPeople: 1, fromCoach: 1, manyFromCoach: true });
    await pm.client.post(`/api/coaching-sessions/${scheduled.id}/agenda`, { text: 'My promotion case' });
    const after = (await coach.client.get(`/api/coaching-sessions/${scheduled.id}`)).body;
    expect(after.ownership).toEqual({ byPeople: 2, fromCoach: 1, manyFromCoach: false });
    // Prepared once: a second read does not repeat the items.
    expect(kinds(after, 'theme')).toHaveLength(3);

    // Colours are set during the coaching session.
    const early = await pm.client.put(`/api/coaching-sessions/${scheduled.id}/colours/${themes[0]!.id}`, {
      colour: 'green',
    });
    expect(early.status).toBe(409);
    const started = await pm.client.post(`/api/coaching-sessions/${scheduled.id}/start`, {});
    expect(started.body.status).toBe('in_progress');
    const item = started.body.agenda[0];
    const ticked = await coach.client.patch(`/api/coaching-sessions/${scheduled.id}/agenda/${item.id}`, {
      done: true,
    });
    expect(ticked.body.agenda[0].done).toBe(true);

    const colours = [
      ['green', 'Three interviews done'],
      ['amber', 'Sales still surprised'],
      ['red', 'Not started'],
    ] as const;
    for (const [index, [colour, why]] of colours.entries()) {
      const res = await pm.client.put(`/api/coaching-sessions/${scheduled.id}/colours/${themes[index]!.id}`, {
        colour,
        why,
      });
      expect(res.status, res.text).toBe(200);
    }
    const coachView = await coach.client.put(
      `/api/coaching-sessions/${scheduled.id}/colours/${themes[1]!.id}`,
      {
        colour: 'red',
        why: 'Two escalations this month',
      },
    );
    expect(coachView.body.themes[1]).toMatchObject({
      title: 'Stakeholders',
      pm: { colour: 'amber', why: 'Sales still surprised' },
      coach: { colour: 'red', why: 'Two escalations this month' },
    });
    const pmAgain = await pm.client.put(`/api/coaching-sessions/${scheduled.id}/colours/${themes[1]!.id}`, {
      colour: 'amber',
      why: 'Getting there',
    });
    expect(pmAgain.body.themes[1].coach).toEqual({ colour: 'red', why: 'Two escalations this month' });
    expect(pmAgain.body.themes[1].pm).toEqual({ colour: 'amber', why: 'Getting there' });

    // An action moves during the conversation.
    const move = await pm.client.patch(`/api/pms/${pm.id}/plan/actions/${themes[1]!.actions[0]!.id}`, {
      status: 'in_progress',
    });
    expect(move.status, move.text).toBe(200);

    // Shared notes both see.
    await coach.client.put(`/api/coaching-sessions/${scheduled.id}/notes`, {
      body: 'Agreed: test the story on Tuesday',
    });
    expect((await pm.client.get(`/api/coaching-sessions/${scheduled.id}`)).body.sharedNotes).toBe(
      'Agreed: test the story on Tuesday',
    );

    // Next steps: the PM's becomes an action; the coach's a suggestion.
    const pmStep = await pm.client.post(`/api/coaching-sessions/${scheduled.id}/next-steps`, {
      text: 'Pitch the story to my lead',
      themeId: themes[2]!.id,
    });
    expect(pmStep.status, pmStep.text).toBe(200);
    const coachStep = await coach.client.post(`/api/coaching-sessions/${scheduled.id}/next-steps`, {
      text: 'Shadow the CPO’s board prep',
      themeId: themes[1]!.id,
    });
    expect(coachStep.body.nextSteps.map((s: { text: string; became: string }) => [s.text, s.became])).toEqual(
      [
        ['Pitch the story to my lead', 'action'],
        ['Shadow the CPO’s board prep', 'suggestion'],
      ],
    );
    const plan = (await pm.client.get(`/api/pms/${pm.id}/plan`)).body.plan;
    const story = plan.themes.find((t: { title: string }) => t.title === 'Storytelling');
    expect(story.actions.map((a: { text: string }) => a.text)).toEqual(['Pitch the story to my lead']);
    expect(plan.suggestions.map((s: { proposal: { text: string | null } }) => s.proposal.text)).toContain(
      'Shadow the CPO’s board prep',
    );

    // Ending records what moved (the clock reads the real time again: the rounds came before).
    clock = new Date();
    const ended = await coach.client.post(`/api/coaching-sessions/${scheduled.id}/end`, {});
    expect(ended.body).toMatchObject({
      status: 'held',
      moved: { coloursSet: 4, actionsMoved: 1, nextSteps: 2 },
    });
    const list = (await pm.client.get(`/api/pms/${pm.id}/coaching-sessions`)).body;
    expect(list.guards).toEqual([]);
    expect(
      list.colourHistory.themes.map((t: { title: string; cells: { colour: string }[] }) => [
        t.title,
        t.cells.map((c) => c.colour),
      ]),
    ).toEqual([
      ['Talk to users', ['green']],
      ['Stakeholders', ['amber']],
      ['Storytelling', ['red']],
    ]);
    // The colour history is on the coach's home too.
    const home = (await coach.client.get('/api/home')).body;
    const summary = home.coached.find((s: { pm: { id: string } }) => s.pm.id === pm.id);
    expect(summary.colourHistory.themes).toHaveLength(3);

    // The next coaching session starts from this one's next steps, and only what is new since.
    const next = await schedule(pm, pm);
    const nextRead = (await coach.client.get(`/api/coaching-sessions/${next.id}`)).body;
    expect(kinds(nextRead, 'next-step').map((i: { text: string }) => i.text)).toEqual([
      'Last time’s next step: Pitch the story to my lead',
      'Last time’s next step: Shadow the CPO’s board prep',
    ]);
    expect(kinds(nextRead, 'dip')).toEqual([]);
    expect(kinds(nextRead, 'action-done')).toEqual([]);
  });

  it('keeps each private note to its author through every read', async () => {
    const { coach, pm } = await pairWithPlanAndWheel();
    const scheduled = await schedule(coach, pm);
    const url = `/api/coaching-sessions/${scheduled.id}`;
    const pmSaved = await pm.client.put(`${url}/private-note`, {
      body: 'PM SECRET: I am thinking of leaving',
    });
    expect(pmSaved.body.privateNote).toBe('PM SECRET: I am thinking of leaving');
    const coachSaved = await coach.client.put(`${url}/private-note`, {
      body: 'COACH SECRET: check in on workload',
    });
    expect(coachSaved.body.privateNote).toBe('COACH SECRET: check in on workload');
    await pm.client.put(`${url}/notes`, { body: 'shared' });
    await coach.client.post(`${url}/start`, {});

    const reads = (who: Person) => [
      who.client.get(url),
      who.client.get(`/api/pms/${pm.id}/coaching-sessions`),
      who.client.get(`/api/pms/${pm.id}/timeline`),
      who.client.get(`/api/pms/${pm.id}/plan`),
      who.client.get(`/api/pms/${pm.id}/plan/export`),
      who.client.get(`/api/pms/${pm.id}/wheel/export`),
      who.client.get('/api/home'),
      who.client.get(`/api/pms/${pm.id}/access-log`),
      who.client.get('/api/access-log'),
      who.client.put(`${url}/notes`, { body: 'shared again' }),
      who.client.post(`${url}/agenda`, { text: 'one more' }),
    ];
    for (const [who, other] of [
      [pm, 'COACH SECRET'],
      [coach, 'PM SECRET'],
    ] as const) {
      for (const res of await Promise.all(reads(who))) expect(res.text).not.toContain(other);
      expect((await who.client.get(url)).body.privateNote).toContain(
        who === pm ? 'PM SECRET' : 'COACH SECRET',
      );
    }
    // A second coach of the same PM does not get in at all.
    const other = await buildMember(app, coach, 'Olga Other');
    const offer = await other.client.post('/api/pairs', { pmId: pm.id });
    if (offer.status === 200) await pm.client.post(`/api/pairs/${offer.body.id}/accept`, {});
    const refused = await other.client.get(url);
    expect(refused.status).toBe(404);
    expect(refused.text).not.toContain('SECRET');
  });

  it('shows the pitfall guards after five weeks without a coaching session, and after two that moved nothing', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach);
    const base = clock.getTime();
    const guards = async () =>
      ((await coach.client.get(`/api/pms/${pm.id}/coaching-sessions`)).body.guards as { kind: string }[]).map(
        (g) => g.kind,
      );
    expect(await guards()).toEqual([]);
    clock = new Date(base + 36 * DAY);
    expect(await guards()).toEqual(['big-bang-review']);

    for (const offset of [36, 40]) {
      clock = new Date(base + offset * DAY);
      const s = await schedule(coach, pm);
      await coach.client.post(`/api/coaching-sessions/${s.id}/start`, {});
      const ended = await pm.client.post(`/api/coaching-sessions/${s.id}/end`, {});
      expect(ended.body.moved).toEqual({ coloursSet: 0, actionsMoved: 0, nextSteps: 0 });
    }
    const last = base + 40 * DAY;
    clock = new Date(last + 35 * DAY);
    expect(await guards()).toEqual(['tactical-takeover']);
    clock = new Date(last + 35 * DAY + 60_000);
    expect(await guards()).toEqual(['big-bang-review', 'tactical-takeover']);
    const forPm = (await pm.client.get(`/api/pms/${pm.id}/coaching-sessions`)).body.guards;
    expect(forPm.map((g: { kind: string }) => g.kind)).toEqual(['big-bang-review', 'tactical-takeover']);
  });
});

describe('the demo', () => {
  it('shows two years of monthly coaching sessions with a colour history and the next one scheduled', async () => {
    const visitor = new Client(app.url);
    await visitor.start();
    expect((await visitor.post('/api/demo')).status).toBe(200);
    const pairs = (await visitor.get('/api/pairs')).body as { pm: { id: string; name: string } }[];
    const priya = pairs.find((p) => p.pm.name === 'Priya Natarajan')!.pm.id;
    const list = (await visitor.get(`/api/pms/${priya}/coaching-sessions`)).body;
    expect(list.upcoming).toHaveLength(1);
    expect(list.past.length).toBeGreaterThanOrEqual(20);
    expect(list.guards).toEqual([]);
    expect(list.colourHistory.months.length).toBeGreaterThanOrEqual(20);
    expect(list.colourHistory.themes).toHaveLength(3);
    const first = list.colourHistory.themes[0].cells.map((c: { colour: string | null }) => c.colour);
    expect(first.at(-1)).not.toBe('red');
    const session = (await visitor.get(`/api/coaching-sessions/${list.upcoming[0].id}`)).body;
    expect(session.agenda.filter((i: { kind: string }) => i.kind === 'theme')).toHaveLength(3);
    expect(session.agenda.some((i: { kind: string }) => i.kind === 'next-step')).toBe(true);
  });
});
