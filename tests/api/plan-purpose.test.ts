import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPm, buildRound, buildWorkspace, type Person } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The plan serves the next bigger challenge (issue 10, the seed's Example 1): the plan leads with
 * the agreed challenge and career direction, each theme says in a line how it serves them (kept
 * through plan versions), theme ideas mention the challenge and read right to both sides, and a
 * gentle hint asks for a personality trait when no theme names one.
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

const challenge = 'Leading the H2 strategy planning';
async function agreeVision(pm: Person) {
  const base = `/api/pms/${pm.id}/vision`;
  const proposed = await coach.client.post(`${base}/proposals`, {
    nextBiggerChallenge: challenge,
    careerDirection: 'From backlog manager to strategic thinker',
  });
  expect(proposed.status, proposed.text).toBe(200);
  const agreed = await pm.client.post(`${base}/proposals/${proposed.body.proposal.id}/accept`);
  expect(agreed.status, agreed.text).toBe(200);
}

describe('the plan’s purpose', () => {
  it('leads with the agreed challenge; a theme’s line on how it serves it is saved and versioned', async () => {
    const pm = await buildPm(app, coach, 'Pat Lee');
    const base = `/api/pms/${pm.id}/plan`;
    const started = await pm.client.post(base, {
      headline: 'From execution to strategy',
      themes: [
        { title: 'Problem briefs', serves: 'Three briefs before any discovery, as H2 planning needs' },
      ],
    });
    expect(started.status, started.text).toBe(200);
    expect(started.body.purpose).toBeNull();
    await agreeVision(pm);
    for (const who of [pm, coach]) {
      const plan = (await who.client.get(base)).body.plan;
      expect(plan.purpose).toMatchObject({
        nextBiggerChallenge: challenge,
        careerDirection: 'From backlog manager to strategic thinker',
      });
      expect(plan.themes[0].serves).toBe('Three briefs before any discovery, as H2 planning needs');
    }
    const themeId = started.body.themes[0].id;
    const patched = await pm.client.patch(`${base}/themes/${themeId}`, {
      serves: 'Briefs the planning can use',
    });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body.themes[0].serves).toBe('Briefs the planning can use');
    // The coach suggests; only the PM writes the plan, this line too.
    expect((await coach.client.patch(`${base}/themes/${themeId}`, { serves: 'Mine' })).status).toBe(403);
    const added = await pm.client.post(`${base}/themes`, {
      title: 'Curiosity with Sales',
      traits: ['curiosity'],
    });
    expect(added.body.themes[1].serves).toBe('');

    const v2 = await pm.client.post(`${base}/refresh`, { headline: 'Next quarter' });
    expect(v2.status, v2.text).toBe(200);
    expect(v2.body.version).toBe(2);
    expect(v2.body.themes[0].serves).toBe('Briefs the planning can use');
    await pm.client.patch(`${base}/themes/${v2.body.themes[0].id}`, { serves: 'Changed in version 2' });
    const v1 = (await pm.client.get(`${base}/versions/1`)).body;
    expect((v1.plan ?? v1).themes[0].serves).toBe('Briefs the planning can use');
    const markdown = (await pm.client.get(`${base}/export?version=1`)).text;
    expect(markdown).toContain('**Toward the next bigger challenge:** Briefs the planning can use');
  });

  it('gently hints when no theme works on a personality trait', async () => {
    const pm = await buildPm(app, coach);
    const base = `/api/pms/${pm.id}/plan`;
    const started = await pm.client.post(base, {
      headline: 'Skills first',
      themes: [
        { title: 'Roadmaps', areas: ['planning'] },
        { title: 'Discovery', areas: ['understand-the-problem'] },
      ],
    });
    const hint = (p: { warnings: { code: string; message: string }[] }) =>
      p.warnings.find((w) => w.code === 'no_trait');
    expect(hint(started.body)?.message).toMatch(/personality trait/);
    const withTrait = await pm.client.patch(`${base}/themes/${started.body.themes[1].id}`, {
      traits: ['empathy'],
    });
    expect(hint(withTrait.body)).toBeUndefined();
  });

  it('theme ideas mention the challenge and, once in the plan, read right on the coach’s view too', async () => {
    const pm = await buildPm(app, coach, 'Pat Lee');
    await buildRound(pm, coach, { self: { planning: 3 }, coach: { planning: 6 } });
    await agreeVision(pm);
    const ideas = (await pm.client.get(`/api/pms/${pm.id}/plan/ideas`)).body;
    const idea = ideas.themeIdeas.find((i: { areaKey: string }) => i.areaKey === 'planning');
    expect(idea.why).toContain('Self 3, coach 6 on');
    expect(idea.why).not.toMatch(/\b(you|your|yourself)\b/i);
    expect(idea.serves).toContain(`“${challenge}”`);
    // The PM adopts the idea as the web does: its words go into the plan as they are.
    const base = `/api/pms/${pm.id}/plan`;
    await pm.client.post(base, { headline: 'H2', themes: [] });
    await pm.client.post(`${base}/themes`, {
      title: idea.title,
      why: idea.why,
      serves: idea.serves,
      areas: [idea.areaKey],
    });
    const coachView = (await coach.client.get(base)).body.plan;
    expect(coachView.themes[0].why).toContain('Self 3, coach 6 on');
    expect(coachView.themes[0].why).not.toMatch(/\byou(r)?\b/i);
    expect(coachView.themes[0].serves).toContain(challenge);
  });
});
