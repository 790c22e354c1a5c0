import { describe, expect, it } from 'vitest';
import { buildMember, buildPm, buildWorkspace, type Person } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

const app = useTestApp({ perTest: true });

const action = (text: string, extra: Record<string, unknown> = {}) => ({ text, ...extra });

/** A coach, their PM, and the PM's first plan with one theme of two actions. */
async function pmWithPlan() {
  const coach = await buildWorkspace(app);
  const pm = await buildPm(app, coach, 'Pat PM');
  const res = await pm.client.post(`/api/pms/${pm.id}/plan`, {
    headline: 'Own discovery for onboarding',
    themes: [
      {
        title: 'Talk to users',
        why: 'I build on guesses.',
        areas: ['understand-the-problem'],
        traits: ['curiosity'],
        actions: [
          action('Lead three interviews solo', { dueOn: '2031-04-01' }),
          action('Read “The Mom Test”'),
        ],
      },
    ],
  });
  expect(res.status, res.text).toBe(200);
  return { coach, pm, plan: res.body };
}

const planOf = async (who: Person, pm: Person) => (await who.client.get(`/api/pms/${pm.id}/plan`)).body.plan;

describe('the development plan the PM owns', () => {
  it('starts with a six-month period and names areas and traits from the PM’s framework', async () => {
    const { pm, plan } = await pmWithPlan();
    const today = new Date().toISOString().slice(0, 10);
    expect(plan).toMatchObject({
      version: 1,
      isCurrent: true,
      headline: 'Own discovery for onboarding',
      periodStart: today,
      viewer: { side: 'pm', canEdit: true },
    });
    expect(Date.parse(plan.periodEnd) - Date.parse(plan.periodStart)).toBeGreaterThan(180 * 86_400_000);
    expect(plan.themes[0]).toMatchObject({
      areas: [{ key: 'understand-the-problem', name: 'Understand the problem' }],
      traits: [{ key: 'curiosity', name: 'Curiosity' }],
    });
    expect(plan.themes[0].actions.map((a: { text: string; status: string }) => [a.text, a.status])).toEqual([
      ['Lead three interviews solo', 'not_started'],
      ['Read “The Mom Test”', 'not_started'],
    ]);
    expect(plan.warnings.map((w: { code: string }) => w.code)).toEqual(['few_themes']);
    expect((await pm.client.post(`/api/pms/${pm.id}/plan`, { headline: 'Again' })).status).toBe(409);
  });

  it('answers null before the PM starts a plan, and says which keys are wrong', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach);
    expect((await coach.client.get(`/api/pms/${pm.id}/plan`)).body).toEqual({ plan: null });
    const bad = await pm.client.post(`/api/pms/${pm.id}/plan`, {
      headline: 'H',
      themes: [{ title: 'T', areas: ['negotiation'] }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^themes\.0\.areas: “negotiation” is not an area of PMwheel/);
    const period = await pm.client.post(`/api/pms/${pm.id}/plan`, {
      headline: 'H',
      periodStart: '2031-05-01',
      periodEnd: '2031-01-01',
    });
    expect(period.body.error.message).toBe('periodEnd: must be after the start of the period');
  });

  it('lets the PM add, change, reorder and remove themes and actions, with evidence of done', async () => {
    const { pm, plan } = await pmWithPlan();
    const base = `/api/pms/${pm.id}/plan`;
    await pm.client.post(`${base}/themes`, { title: 'Say no kindly', areas: ['find-solutions'] });
    const third = await pm.client.post(`${base}/themes`, {
      title: 'Roadmap with reasons',
      actions: [action('Rewrite the roadmap')],
    });
    expect(third.body.warnings.map((w: { code: string }) => w.code)).toEqual([
      'theme_without_actions',
      'theme_without_focus',
    ]);
    const moved = await pm.client.patch(`${base}/themes/${third.body.themes[2].id}`, {
      position: 0,
      areas: ['planning'],
    });
    expect(moved.body.themes.map((t: { title: string }) => t.title)).toEqual([
      'Roadmap with reasons',
      'Talk to users',
      'Say no kindly',
    ]);
    const done = await pm.client.patch(`${base}/actions/${plan.themes[0].actions[0].id}`, {
      status: 'done',
      evidence: 'Ran them on 12 March',
    });
    const interviews = done.body.themes[1].actions[0];
    expect(interviews).toMatchObject({ status: 'done', evidence: 'Ran them on 12 March' });
    expect(interviews.doneAt).toBeTruthy();
    const removed = await pm.client.delete(`${base}/actions/${plan.themes[0].actions[1].id}`);
    expect(removed.body.themes[1].actions).toHaveLength(1);
    const gone = await pm.client.delete(`${base}/themes/${moved.body.themes[2].id}`);
    expect(gone.body.themes.map((t: { title: string }) => t.title)).toEqual([
      'Roadmap with reasons',
      'Talk to users',
    ]);
  });

  it('refuses the coach’s direct edits with a reason and changes nothing', async () => {
    const { coach, pm, plan } = await pmWithPlan();
    const base = `/api/pms/${pm.id}/plan`;
    const attempts = [
      await coach.client.patch(base, { headline: 'What I think you need' }),
      await coach.client.post(`${base}/themes`, { title: 'My idea' }),
      await coach.client.patch(`${base}/themes/${plan.themes[0].id}`, { title: 'Better words' }),
      await coach.client.patch(`${base}/actions/${plan.themes[0].actions[0].id}`, { status: 'done' }),
      await coach.client.delete(`${base}/themes/${plan.themes[0].id}`),
      await coach.client.post(`${base}/refresh`, { headline: 'Next quarter' }),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(403);
      expect(res.body.error).toEqual({
        code: 'forbidden',
        message:
          'The plan is the PM’s to write. Suggest the change instead: they can accept it with one click.',
      });
    }
    const after = await planOf(coach, pm);
    expect(after).toMatchObject({
      headline: plan.headline,
      viewer: { side: 'coach', canEdit: false, canSuggest: true },
    });
    expect(after.themes).toEqual(plan.themes);
  });

  it('keeps the plan from former coaches, other coaches and the admin, and logs who read it', async () => {
    const admin = await buildWorkspace(app);
    const coach = await buildMember(app, admin, 'Cora Coach');
    const other = await buildMember(app, admin, 'Otto Other');
    const pm = await buildPm(app, coach, 'Pat PM');
    await pm.client.post(`/api/pms/${pm.id}/plan`, { headline: 'Mine' });
    expect((await coach.client.get(`/api/pms/${pm.id}/plan`)).status).toBe(200);
    await pm.client.post(`/api/pairs/${pm.pairId}/end`);
    for (const who of [coach, other, admin]) {
      for (const path of ['plan', 'plan/versions', 'plan/export', 'plan/ideas', 'vision']) {
        const res = await who.client.get(`/api/pms/${pm.id}/${path}`);
        expect(res.status, `${who.name} ${path}`).toBe(404);
        expect(res.body.error.message).toBe('That was not found.');
      }
      expect((await who.client.post(`/api/pms/${pm.id}/plan/comments`, { body: 'Hi' })).status).toBe(404);
    }
    const log = (await pm.client.get(`/api/pms/${pm.id}/access-log`)).body as {
      actor: { name: string };
      action: string;
    }[];
    expect(log.filter((e) => e.actor.name === 'Cora Coach').map((e) => e.action)).toEqual(['plan:read']);
  });
});

describe('quarterly refresh and export', () => {
  it('starts a new version as a copy; the old one stays readable and read-only', async () => {
    const { coach, pm, plan } = await pmWithPlan();
    const base = `/api/pms/${pm.id}/plan`;
    const suggested = await coach.client.post(`${base}/suggestions`, {
      kind: 'new_action',
      themeId: plan.themes[0].id,
      text: 'Shadow five sales calls',
    });
    expect(suggested.status).toBe(200);
    expect(plan.refreshDue).toBe(false);
    const v2 = await pm.client.post(`${base}/refresh`, {
      headline: 'Discovery, now with stakeholders',
      focus: 'Bring sales along',
    });
    expect(v2.body).toMatchObject({
      version: 2,
      isCurrent: true,
      headline: 'Discovery, now with stakeholders',
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
    });
    expect(v2.body.themes[0].lineageId).toBe(plan.themes[0].lineageId);
    expect(v2.body.themes[0].id).not.toBe(plan.themes[0].id);
    expect(v2.body.themes[0].actions.map((a: { text: string }) => a.text)).toEqual([
      'Lead three interviews solo',
      'Read “The Mom Test”',
    ]);
    expect(v2.body.suggestions[0]).toMatchObject({ status: 'open', themeId: v2.body.themes[0].id });

    const versions = (await coach.client.get(`${base}/versions`)).body;
    expect(versions.map((v: { version: number; isCurrent: boolean }) => [v.version, v.isCurrent])).toEqual([
      [2, true],
      [1, false],
    ]);
    const v1 = (await coach.client.get(`${base}/versions/1`)).body;
    expect(v1).toMatchObject({
      version: 1,
      isCurrent: false,
      headline: 'Own discovery for onboarding',
      warnings: [],
      viewer: { canEdit: false, canSuggest: false },
    });
    expect(v1.replacedAt).toBeTruthy();
    const edit = await pm.client.patch(`${base}/themes/${plan.themes[0].id}`, { title: 'Rewrite history' });
    expect(edit.status).toBe(409);
    expect((await pm.client.get(`${base}/versions/1`)).body.themes[0].title).toBe('Talk to users');
    expect((await pm.client.get(`${base}/versions/3`)).status).toBe(404);
  });

  it('shows when a refresh is due, a quarter after the version started', async () => {
    const { pm } = await pmWithPlan();
    await app.deps.db
      .updateTable('plans')
      .set({ created_at: new Date(Date.now() - 91 * 86_400_000).toISOString() })
      .where('pm_id', '=', pm.id)
      .execute();
    const plan = await planOf(pm, pm);
    expect(plan.refreshDue).toBe(true);
    expect(plan.warnings.map((w: { code: string }) => w.code)).toContain('refresh_due');
  });

  it('exports a version as a Markdown file', async () => {
    const { coach, pm } = await pmWithPlan();
    await pm.client.post(`/api/pms/${pm.id}/plan/refresh`, { headline: 'Quarter two' });
    const res = await coach.client.get(`/api/pms/${pm.id}/plan/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="plan-pat-pm-v2.md"');
    expect(res.text).toMatch(/^# Quarter two\n/);
    expect(res.text).toContain('- [ ] Lead three interviews solo — due 2031-04-01 (not started)');
    const old = await pm.client.get(`/api/pms/${pm.id}/plan/export?version=1`);
    expect(old.text).toMatch(
      /^# Own discovery for onboarding\n\nDevelopment plan of Pat PM — version 1 \(replaced on/,
    );
  });
});
