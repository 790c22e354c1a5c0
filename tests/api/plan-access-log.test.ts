import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPm, buildWorkspace, type Person } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The PM's access log records what was shown or changed, never a refused attempt: every check
 * runs before the entry is written (issue 7). Each refusal below leaves the log as it was; a
 * granted request leaves exactly one entry.
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

/** A fresh PM of `coach` with a plan of one theme, a coach's open suggestion and a coach's private note. */
async function pmWithPlan() {
  const pm = await buildPm(app, coach, 'Pat PM');
  const base = `/api/pms/${pm.id}/plan`;
  const plan = await pm.client.post(base, {
    headline: 'Grow',
    themes: [{ title: 'Talk to users', actions: [{ text: 'Lead three interviews solo' }] }],
  });
  expect(plan.status, plan.text).toBe(200);
  const themeId = plan.body.themes[0].id;
  const suggested = await coach.client.post(`${base}/suggestions`, {
    kind: 'new_action',
    themeId,
    text: 'Read Inspired',
  });
  const noted = await coach.client.post(`${base}/comments`, {
    themeId,
    body: 'Ask about Sam',
    private: true,
  });
  return {
    pm,
    base,
    themeId,
    suggestionId: suggested.body.suggestions[0].id as string,
    noteId: noted.body.comments[0].id as string,
  };
}

const logOf = (pmId: string) =>
  app.deps.db
    .selectFrom('access_log')
    .select(['actor_id', 'action', 'resource'])
    .where('pm_id', '=', pmId)
    .orderBy('at')
    .orderBy('id')
    .execute();

/** Sends a request, checks its status, and returns the log entries it added. */
async function entriesAfter(
  pmId: string,
  request: () => Promise<{ status: number; text: string }>,
  status: number,
) {
  const before = (await logOf(pmId)).length;
  const res = await request();
  expect(res.status, res.text).toBe(status);
  return (await logOf(pmId)).slice(before);
}

describe('refused requests leave no access-log entry', () => {
  it('a coach editing the plan (403)', async () => {
    const { pm, base, themeId } = await pmWithPlan();
    expect(await entriesAfter(pm.id, () => coach.client.patch(base, { headline: 'Mine now' }), 403)).toEqual(
      [],
    );
    const theme = () => coach.client.patch(`${base}/themes/${themeId}`, { title: 'Better words' });
    expect(await entriesAfter(pm.id, theme, 403)).toEqual([]);
  });

  it('the PM removing the coach’s private note (404), or a comment that does not exist (404)', async () => {
    const { pm, base, noteId } = await pmWithPlan();
    expect(await entriesAfter(pm.id, () => pm.client.delete(`${base}/comments/${noteId}`), 404)).toEqual([]);
    const missing = () => pm.client.delete(`${base}/comments/00000000-0000-4000-8000-000000000000`);
    expect(await entriesAfter(pm.id, missing, 404)).toEqual([]);
  });

  it('the PM withdrawing the coach’s suggestion (403), and a second decision (409)', async () => {
    const { pm, base, suggestionId } = await pmWithPlan();
    const withdraw = () => pm.client.post(`${base}/suggestions/${suggestionId}/withdraw`);
    expect(await entriesAfter(pm.id, withdraw, 403)).toEqual([]);
    await pm.client.post(`${base}/suggestions/${suggestionId}/decline`, { reason: 'Not now' });
    const again = () => pm.client.post(`${base}/suggestions/${suggestionId}/accept`);
    expect(await entriesAfter(pm.id, again, 409)).toEqual([]);
  });

  it('accepting your own vision proposal (403)', async () => {
    const { pm } = await pmWithPlan();
    const made = await pm.client.post(`/api/pms/${pm.id}/vision/proposals`, {
      nextBiggerChallenge: 'Lead pricing',
    });
    const accept = () => pm.client.post(`/api/pms/${pm.id}/vision/proposals/${made.body.proposal.id}/accept`);
    expect(await entriesAfter(pm.id, accept, 403)).toEqual([]);
  });

  it('a former coach reading the plan or the vision (404)', async () => {
    const { pm, base } = await pmWithPlan();
    await pm.client.post(`/api/pairs/${pm.pairId}/end`);
    for (const path of [base, `${base}/versions/1`, `${base}/ideas`, `/api/pms/${pm.id}/vision`])
      expect(await entriesAfter(pm.id, () => coach.client.get(path), 404), path).toEqual([]);
  });
});

describe('granted requests leave exactly one entry', () => {
  it('a coach reading the plan, a version, the ideas and the vision', async () => {
    const { pm, base } = await pmWithPlan();
    const reads = [
      [base, 'plan:read', 'plan'],
      [`${base}/versions/1`, 'plan:read', 'plan version 1'],
      [`${base}/ideas`, 'plan:read', 'plan ideas'],
      [`/api/pms/${pm.id}/vision`, 'vision:read', 'vision'],
    ] as const;
    for (const [path, action, resource] of reads)
      expect(await entriesAfter(pm.id, () => coach.client.get(path), 200)).toEqual([
        { actor_id: coach.id, action, resource },
      ]);
  });

  it('a change: the PM accepting a suggestion, the coach withdrawing another', async () => {
    const { pm, base, themeId, suggestionId } = await pmWithPlan();
    const accept = () => pm.client.post(`${base}/suggestions/${suggestionId}/accept`);
    expect(await entriesAfter(pm.id, accept, 200)).toEqual([
      { actor_id: pm.id, action: 'plan-suggestion:decide', resource: 'plan suggestion' },
    ]);
    const other = await coach.client.post(`${base}/suggestions`, {
      kind: 'reword_theme',
      themeId,
      title: 'Hear users',
    });
    const withdraw = () => coach.client.post(`${base}/suggestions/${other.body.suggestions[0].id}/withdraw`);
    expect(await entriesAfter(pm.id, withdraw, 200)).toEqual([
      { actor_id: coach.id, action: 'plan-suggestion:withdraw', resource: 'plan suggestion' },
    ]);
  });
});
