import { describe, expect, it } from 'vitest';
import { buildPm, buildWorkspace } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

const app = useTestApp({ perTest: true });

async function pmWithPlan() {
  const coach = await buildWorkspace(app);
  const pm = await buildPm(app, coach, 'Pat PM');
  const res = await pm.client.post(`/api/pms/${pm.id}/plan`, {
    headline: 'Grow',
    themes: [
      {
        title: 'Talk to users',
        areas: ['understand-the-problem'],
        actions: [{ text: 'Lead three interviews solo' }],
      },
    ],
  });
  return { coach, pm, plan: res.body, base: `/api/pms/${pm.id}/plan` };
}

describe('suggestions: the coach inspires, the PM decides', () => {
  it('an accepted action is the coach’s idea adopted by the PM', async () => {
    const { coach, pm, plan, base } = await pmWithPlan();
    const theme = plan.themes[0];
    const made = await coach.client.post(`${base}/suggestions`, {
      kind: 'new_action',
      themeId: theme.id,
      text: 'Shadow five sales calls',
      dueOn: '2031-06-30',
      message: 'You would learn a lot from Sam.',
    });
    expect(made.status).toBe(200);
    const open = made.body.suggestions[0];
    expect(open).toMatchObject({
      kind: 'new_action',
      status: 'open',
      author: { id: coach.id },
      proposal: { text: 'Shadow five sales calls', dueOn: '2031-06-30' },
      message: 'You would learn a lot from Sam.',
    });
    expect(made.body.themes[0].actions).toHaveLength(1);

    expect((await coach.client.post(`${base}/suggestions/${open.id}/accept`)).status).toBe(403);
    const accepted = await pm.client.post(`${base}/suggestions/${open.id}/accept`);
    const adopted = accepted.body.themes[0].actions[1];
    expect(adopted).toMatchObject({
      text: 'Shadow five sales calls',
      dueOn: '2031-06-30',
      status: 'not_started',
      attribution: { origin: 'coach', suggestedBy: { id: coach.id }, suggestionId: open.id },
    });
    expect(adopted.attribution.adoptedAt).toBeTruthy();
    expect(accepted.body.suggestions[0]).toMatchObject({
      status: 'accepted',
      result: { themeId: theme.id, actionId: adopted.id },
    });
    expect(accepted.body.ownership).toMatchObject({ total: 3, byPm: 2, fromCoach: 1, manyFromCoach: false });
    const again = await pm.client.post(`${base}/suggestions/${open.id}/accept`);
    expect(again.status).toBe(409);
  });

  it('rewords a theme when accepted; a declined suggestion changes nothing and keeps the reason', async () => {
    const { coach, pm, plan, base } = await pmWithPlan();
    const theme = plan.themes[0];
    const reword = (
      await coach.client.post(`${base}/suggestions`, {
        kind: 'reword_theme',
        themeId: theme.id,
        title: 'Hear users every week',
        why: 'Weekly beats heroic.',
      })
    ).body.suggestions[0];
    const declined = await pm.client.post(`${base}/suggestions/${reword.id}/decline`, {
      reason: 'I like my words',
    });
    expect(declined.body.suggestions[0]).toMatchObject({
      status: 'declined',
      declineReason: 'I like my words',
      result: null,
    });
    expect(declined.body.themes[0]).toMatchObject({ title: 'Talk to users', attribution: { origin: 'pm' } });

    const second = (
      await coach.client.post(`${base}/suggestions`, {
        kind: 'reword_theme',
        themeId: theme.id,
        title: 'Hear users every week',
      })
    ).body.suggestions[0];
    const accepted = await pm.client.post(`${base}/suggestions/${second.id}/accept`);
    expect(accepted.body.themes[0]).toMatchObject({
      id: theme.id,
      title: 'Hear users every week',
      why: '',
      attribution: { origin: 'coach', suggestedBy: { id: coach.id } },
    });
    const action = theme.actions[0];
    const rewordAction = (
      await coach.client.post(`${base}/suggestions`, {
        kind: 'reword_action',
        actionId: action.id,
        text: 'Lead three interviews without me',
      })
    ).body.suggestions[0];
    const withdrawn = await coach.client.post(`${base}/suggestions/${rewordAction.id}/withdraw`);
    expect(withdrawn.body.suggestions[0].status).toBe('withdrawn');
    expect((await pm.client.post(`${base}/suggestions/${rewordAction.id}/accept`)).status).toBe(409);
  });

  it('a PM does not suggest to themself, and a suggestion about a removed theme becomes outdated', async () => {
    const { coach, pm, plan, base } = await pmWithPlan();
    const own = await pm.client.post(`${base}/suggestions`, { kind: 'new_theme', title: 'Mine' });
    expect(own.status).toBe(403);
    expect(own.body.error.message).toMatch(/edit directly/);
    const s = (
      await coach.client.post(`${base}/suggestions`, {
        kind: 'new_action',
        themeId: plan.themes[0].id,
        text: 'Read Inspired',
      })
    ).body.suggestions[0];
    const after = await pm.client.delete(`${base}/themes/${plan.themes[0].id}`);
    expect(after.body.suggestions.find((x: { id: string }) => x.id === s.id).status).toBe('outdated');
    expect((await pm.client.post(`${base}/suggestions/${s.id}/accept`)).status).toBe(409);
  });

  it('warns both sides, kindly, when most of the plan came from the coach', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach);
    const base = `/api/pms/${pm.id}/plan`;
    await pm.client.post(base, { headline: 'Grow' });
    for (const title of ['Stakeholder updates', 'Outcome roadmap']) {
      const made = await coach.client.post(`${base}/suggestions`, {
        kind: 'new_theme',
        title,
        areas: ['team'],
        traits: ['courage'],
      });
      await pm.client.post(`${base}/suggestions/${made.body.suggestions[0].id}/accept`);
    }
    const asPm = (await pm.client.get(base)).body.plan;
    expect(asPm.themes[0]).toMatchObject({
      title: 'Stakeholder updates',
      areas: [{ key: 'team', name: 'Team' }],
      traits: [{ key: 'courage', name: 'Courage' }],
    });
    expect(asPm.ownership).toEqual({ total: 2, byPm: 0, fromCoach: 2, coachShare: 1, manyFromCoach: true });
    const asCoach = (await coach.client.get(base)).body.plan;
    expect(asCoach.warnings.find((w: { code: string }) => w.code === 'many_from_coach').message).toMatch(
      /PM writes it in their own words/,
    );
    const bad = await coach.client.post(`${base}/suggestions`, {
      kind: 'new_theme',
      title: 'X',
      traits: ['charisma'],
    });
    expect(bad.status).toBe(400);
  });
});

describe('comments', () => {
  it('go on the plan, a theme or an action; private notes stay with their author', async () => {
    const { coach, pm, plan, base } = await pmWithPlan();
    const theme = plan.themes[0];
    await coach.client.post(`${base}/comments`, { themeId: theme.id, body: 'Strong theme.' });
    await coach.client.post(`${base}/comments`, {
      actionId: theme.actions[0].id,
      body: 'Check in with Sam first',
      private: true,
    });
    const reply = await pm.client.post(`${base}/comments`, { body: 'Thanks! Starting Monday.' });
    expect(
      reply.body.comments.map((c: { body: string; authorSide: string; themeId: string | null }) => [
        c.body,
        c.authorSide,
        c.themeId,
      ]),
    ).toEqual([
      ['Strong theme.', 'coach', theme.id],
      ['Thanks! Starting Monday.', 'pm', null],
    ]);
    const asCoach = (await coach.client.get(base)).body.plan.comments;
    const note = asCoach.find((c: { private: boolean }) => c.private);
    expect(note).toMatchObject({
      body: 'Check in with Sam first',
      actionId: theme.actions[0].id,
      themeId: theme.id,
    });
    expect((await pm.client.delete(`${base}/comments/${note.id}`)).status).toBe(404);
    const shared = asCoach[0];
    expect((await pm.client.delete(`${base}/comments/${shared.id}`)).status).toBe(403);
    const removed = await coach.client.delete(`${base}/comments/${shared.id}`);
    expect(removed.body.comments.map((c: { body: string }) => c.body)).toEqual([
      'Check in with Sam first',
      'Thanks! Starting Monday.',
    ]);
    const md = (await pm.client.get(`${base}/export`)).text;
    expect(md).not.toContain('Sam');
  });
});
