import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPm, buildWorkspace, type Person } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Issue 21: the agenda moves forward (decision 060).
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

const day = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);
const later = () => (clock = new Date(clock.getTime() + 60_000));

interface Item {
  id: string;
  kind: string;
  text: string;
  done: boolean;
  carriedFrom: string | null;
}
interface Session {
  id: string;
  agenda: Item[];
  sinceLastTime: {
    last: { id: string } | null;
    colours: { title: string; colour: string }[];
    actionsDone: { text: string }[];
    checkIns: { feelings: string; about: string }[];
  };
}
const texts = (s: Session, kind: string) => s.agenda.filter((i) => i.kind === kind).map((i) => i.text);

/** A coach and their PM with a plan: two themes, an action due in 3 days, one in 20, one to finish. */
async function pairWithPlan() {
  const coach = await buildWorkspace(app);
  const pm = await buildPm(app, coach, 'Pia PM');
  const plan = await pm.client.post(`/api/pms/${pm.id}/plan`, {
    headline: 'Own discovery',
    themes: [
      {
        title: 'Talk to users',
        why: '',
        actions: [
          { text: 'Write the interview guide', dueOn: day(3) },
          { text: 'Run the diary study', dueOn: day(20) },
          { text: 'Book five interviews' },
        ],
      },
      { title: 'Stakeholders', why: '', actions: [] },
    ],
  });
  expect(plan.status, plan.text).toBe(200);
  return { coach, pm, themes: plan.body.themes as { id: string; actions: { id: string }[] }[] };
}

async function schedule(who: Person, pm: Person, startsAt: string, kind = 'monthly'): Promise<Session> {
  const res = await who.client.post(`/api/pms/${pm.id}/coaching-sessions`, {
    startsAt,
    timeZone: 'Europe/Berlin',
    kind,
  });
  expect(res.status, res.text).toBe(200);
  return res.body;
}

const read = async (who: Person, id: string): Promise<Session> => {
  const res = await who.client.get(`/api/coaching-sessions/${id}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
};

/** A monthly session a week ago with three items the pair added; the first ticked; held. */
async function heldMonthly(coach: Person, pm: Person) {
  const monthly = await schedule(coach, pm, `${day(-7)}T10:00`);
  for (const text of ['Roadmap review', 'Hiring plan', 'Promotion case'])
    expect((await pm.client.post(`/api/coaching-sessions/${monthly.id}/agenda`, { text })).status).toBe(200);
  const started: Session = (await coach.client.post(`/api/coaching-sessions/${monthly.id}/start`, {})).body;
  const roadmap = started.agenda.find((i) => i.text === 'Roadmap review')!;
  await coach.client.patch(`/api/coaching-sessions/${monthly.id}/agenda/${roadmap.id}`, { done: true });
  return started;
}

describe('the agenda moves forward', () => {
  it('carries what was not covered, gives the weekly check-in a lighter agenda and new questions, and shows what happened since', async () => {
    const { coach, pm, themes } = await pairWithPlan();
    const monthly = await heldMonthly(coach, pm);
    const coloured = await pm.client.put(`/api/coaching-sessions/${monthly.id}/colours/${themes[0]!.id}`, {
      colour: 'red',
      why: 'No interviews yet',
    });
    expect(coloured.status, coloured.text).toBe(200);
    const ended = await coach.client.post(`/api/coaching-sessions/${monthly.id}/end`, {});
    expect(ended.status, ended.text).toBe(200);

    // The week after: the PM checks in (one shared, one private) and finishes an action.
    later();
    const shared = await pm.client.post(`/api/pms/${pm.id}/check-ins`, {
      emotions: ['tired', 'stressed'],
      why: 'Two launches at once',
    });
    expect(shared.status, shared.text).toBe(200);
    later();
    await pm.client.post(`/api/pms/${pm.id}/check-ins`, { emotions: ['anxious'], private: true });
    const done = await pm.client.patch(`/api/pms/${pm.id}/plan/actions/${themes[0]!.actions[2]!.id}`, {
      status: 'done',
    });
    expect(done.status, done.text).toBe(200);
    later();

    const weekly = await schedule(pm, pm, `${day(1)}T10:00`, 'weekly');
    const checkIn = await read(coach, weekly.id);
    // Not covered: carried, marked with the monthly's day; the ticked item left.
    const carried = checkIn.agenda.filter((i) => i.carriedFrom !== null);
    expect(carried.map((i) => [i.text, i.carriedFrom])).toEqual([
      ['Hiring plan', day(-7)],
      ['Promotion case', day(-7)],
    ]);
    expect(checkIn.agenda.map((i) => i.text)).not.toContain('Roadmap review');
    // Lighter: how the PM has been (shared check-ins only), what is due this week, one question.
    expect(texts(checkIn, 'check-in')).toEqual(['Felt Tired, Stressed']);
    expect(texts(checkIn, 'action-due')).toEqual(['Due this week: Write the interview guide']);
    expect(texts(checkIn, 'theme')).toEqual([]);
    expect(texts(checkIn, 'question')).toHaveLength(1);
    const asked = new Set(texts(monthly, 'question'));
    expect(asked.size).toBeGreaterThan(0);
    for (const q of texts(checkIn, 'question')) expect(asked.has(q)).toBe(false);
    // The strip: the monthly's colours, the action done, check-ins, each as the viewer may see them.
    expect(checkIn.sinceLastTime).toMatchObject({
      last: { id: monthly.id },
      colours: [{ title: 'Talk to users', colour: 'red' }],
      actionsDone: [{ text: 'Book five interviews' }],
      checkIns: [{ feelings: 'Tired, Stressed', about: 'In general' }],
    });
    const pmView = await read(pm, weekly.id);
    expect(pmView.sinceLastTime.checkIns.map((c) => c.feelings)).toEqual(['Tired, Stressed', 'Anxious']);
    expect(pmView.agenda.map((i) => i.id)).toEqual(checkIn.agenda.map((i) => i.id));

    // The check-in covers one carried item; the next monthly takes what is left and the full agenda.
    await coach.client.post(`/api/coaching-sessions/${weekly.id}/start`, {});
    await coach.client.patch(`/api/coaching-sessions/${weekly.id}/agenda/${carried[0]!.id}`, { done: true });
    later();
    await coach.client.post(`/api/coaching-sessions/${weekly.id}/end`, {});
    const next = await read(pm, (await schedule(coach, pm, `${day(8)}T10:00`)).id);
    expect(next.agenda.filter((i) => i.carriedFrom).map((i) => [i.text, i.carriedFrom])).toEqual([
      ['Promotion case', day(-7)],
      ['Felt Tired, Stressed', day(1)],
    ]);
    expect(texts(next, 'theme')).toEqual(['Colour “Talk to users”', 'Colour “Stakeholders”']);
    expect(texts(next, 'question').length).toBeGreaterThan(1);
    expect(next.sinceLastTime.last?.id).toBe(weekly.id);
  });

  it('carries once when ten requests open the next agenda at the same time', async () => {
    const { coach, pm } = await pairWithPlan();
    const monthly = await heldMonthly(coach, pm);
    await coach.client.post(`/api/coaching-sessions/${monthly.id}/end`, {});
    later();
    const next = await schedule(coach, pm, `${day(7)}T10:00`);
    const reads = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        (n % 2 ? pm : coach).client.get(`/api/coaching-sessions/${next.id}`),
      ),
    );
    expect(reads.map((r) => r.status)).toEqual(Array(10).fill(200));
    const after = await read(coach, next.id);
    expect(texts(after, 'own')).toEqual(['Hiring plan', 'Promotion case']);
    expect(after.agenda.filter((i) => i.carriedFrom)).toHaveLength(2);
  });

  it('carries to the next session already planned when the earlier one ends, once', async () => {
    const { coach, pm } = await pairWithPlan();
    const monthly = await heldMonthly(coach, pm);
    const next = await schedule(coach, pm, `${day(7)}T10:00`);
    const ends = await Promise.all(
      Array.from({ length: 3 }, () => coach.client.post(`/api/coaching-sessions/${monthly.id}/end`, {})),
    );
    expect(ends.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    // Opening it afterwards prepares the rest of its agenda and carries nothing twice.
    const after = await read(coach, next.id);
    expect(after.agenda.slice(0, 2).map((i) => [i.text, i.carriedFrom])).toEqual([
      ['Hiring plan', day(-7)],
      ['Promotion case', day(-7)],
    ]);
    expect(after.agenda.filter((i) => i.carriedFrom)).toHaveLength(2);
    expect(after.agenda.length).toBeGreaterThan(2);
    expect(after.sinceLastTime.last?.id).toBe(monthly.id);
  });

  it('leaves out a check-in the PM deleted', async () => {
    const { coach, pm } = await pairWithPlan();
    const extra = await pm.client.post(`/api/pms/${pm.id}/check-ins`, { emotions: ['hopeful'] });
    const weekly = await schedule(pm, pm, `${day(2)}T10:00`, 'weekly');
    expect(texts(await read(coach, weekly.id), 'check-in')).toEqual(['Felt Hopeful']);
    expect((await pm.client.delete(`/api/pms/${pm.id}/check-ins/${extra.body.id}`)).status).toBe(200);
    expect(texts(await read(coach, weekly.id), 'check-in')).toEqual([]);
  });

  it('shows a pair’s first session that there is no last time yet', async () => {
    const { coach, pm } = await pairWithPlan();
    const first = await read(pm, (await schedule(coach, pm, `${day(2)}T10:00`)).id);
    expect(first.sinceLastTime).toMatchObject({ last: null, colours: [], checkIns: [] });
    expect(first.agenda.filter((i) => i.carriedFrom)).toEqual([]);
  });
});
