import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPm, buildWorkspace, scoresFor, type Person } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * An area's new name reaches every page that points at the area today (issue 22, decision 062):
 * the question bank's filters, the plan's themes and their ideas, the pulses and the home's dips.
 * A round's own wheel keeps the words it was answered in.
 */
let app: TestApp;
let coach: Person;
beforeAll(async () => {
  app = await startTestApp();
  coach = await buildWorkspace(app);
});
afterAll(async () => {
  await app.close();
});

/** A revealed round on a given framework, both sides submitted. */
async function round(pm: Person, frameworkId: string, self: number | Record<string, number>) {
  const opened = await coach.client.post(`/api/pms/${pm.id}/rounds`, { frameworkId });
  expect(opened.status, opened.text).toBe(200);
  const r = opened.body;
  const s = await pm.client.post(`/api/rounds/${r.id}/assessments/self/submit`, {
    scores: scoresFor(r, self),
    notes: {},
  });
  expect(s.status, s.text).toBe(200);
  const c = await coach.client.post(`/api/rounds/${r.id}/assessments/coach/submit`, {
    scores: scoresFor(r, 6),
    nextBiggerChallenge: 'Lead the H2 strategy planning',
  });
  expect(c.status, c.text).toBe(200);
  return r;
}

describe('renaming an area', () => {
  it('shows the new name in the question bank, the plan, the pulses and the home; the round keeps its words', async () => {
    const pm = await buildPm(app, coach);
    const [standard] = (await coach.client.get('/api/frameworks')).body;
    const copy = (await coach.client.post(`/api/frameworks/${standard.id}/copy`, { name: 'Ours' })).body;
    for (let i = 0; i < 3; i++) await round(pm, copy.id, 8);
    const dip = Object.fromEntries(
      copy.current.areas.map((a: { key: string }) => [a.key, a.key === 'agile' ? 3 : 8]),
    );
    const dipped = await round(pm, copy.id, dip);
    const plan = await pm.client.post(`/api/pms/${pm.id}/plan`, {
      headline: 'Steadier delivery',
      themes: [{ title: 'Shorter cycles', why: 'Feedback sooner', areas: ['agile'], actions: [] }],
    });
    expect(plan.status, plan.text).toBe(200);
    expect(plan.body.themes[0].areas[0].name).toBe('Agile');

    const renamed = await coach.client.put(`/api/frameworks/${copy.id}`, {
      ...copy.current,
      baseVersion: 1,
      areas: copy.current.areas.map((a: { key: string }) =>
        a.key === 'agile' ? { ...a, name: 'Ways of working' } : a,
      ),
    });
    expect(renamed.status, renamed.text).toBe(200);

    const named = (list: { key: string; name: string }[]) => list.find((a) => a.key === 'agile')?.name;
    const bank = await pm.client.get('/api/questions');
    expect(named(bank.body.areas)).toBe('Ways of working');
    const now = await pm.client.get(`/api/pms/${pm.id}/plan`);
    expect(now.status, now.text).toBe(200);
    expect(now.body.plan.themes[0].areas[0].name).toBe('Ways of working');
    const ideas = await pm.client.get(`/api/pms/${pm.id}/plan/ideas`);
    expect(named(ideas.body.framework.areas)).toBe('Ways of working');
    const pulses = await pm.client.get(`/api/pms/${pm.id}/pulses`);
    expect(pulses.status, pulses.text).toBe(200);
    expect(named(pulses.body.areas)).toBe('Ways of working');

    const pmHome = await pm.client.get('/api/home');
    expect(pmHome.status, pmHome.text).toBe(200);
    expect(pmHome.body.me.dips.map((d: { areaName: string }) => d.areaName)).toEqual(['Ways of working']);
    const coachHome = await coach.client.get('/api/home');
    const mine = coachHome.body.coached.find((s: { pm: { id: string } }) => s.pm.id === pm.id);
    expect(mine.dips.map((d: { areaName: string }) => d.areaName)).toEqual(['Ways of working']);
    const dips = await coach.client.get(`/api/pms/${pm.id}/dips`);
    expect(dips.status, dips.text).toBe(200);
    expect(dips.body.map((d: { areaName: string }) => d.areaName)).toEqual(['Ways of working']);

    // The round was answered under "Agile": its own page keeps those words.
    const answered = await coach.client.get(`/api/rounds/${dipped.id}`);
    expect(answered.status, answered.text).toBe(200);
    expect(named(answered.body.frameworkVersion.areas)).toBe('Agile');
  });
});
