import { describe, expect, it } from 'vitest';
import { readHome } from '../../server/features/people/home/home.js';
import type { Actor } from '../../server/privacy/actor.js';
import { buildPm, buildRound, buildWorkspace, type Person } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

/**
 * The coach's home is one request (decision 045): a digest of every PM they coach, built from
 * set-based queries, with one access-log entry per PM whose summary it shows.
 */
const app = useTestApp({ perTest: true });

/** A PM with a revealed round with a dip, a plan with a coach's suggestion, and an open vision proposal. */
async function busyPm(coach: Person, name: string) {
  const pm = await buildPm(app, coach, name);
  for (let i = 0; i < 3; i++) await buildRound(pm, coach, { self: 8 });
  await buildRound(pm, coach, { self: { team: 3 } });
  const plan = await pm.client.post(`/api/pms/${pm.id}/plan`, {
    headline: `${name}'s plan`,
    themes: [{ title: 'Talk to users', why: '', actions: [{ text: 'Three interviews' }] }],
  });
  expect(plan.status, plan.text).toBe(200);
  const suggested = await coach.client.post(`/api/pms/${pm.id}/plan/suggestions`, {
    kind: 'new_theme',
    title: 'Stakeholders',
    why: 'They ask',
    areas: [],
    traits: [],
    message: 'An idea',
  });
  expect(suggested.status, suggested.text).toBe(200);
  const proposed = await pm.client.post(`/api/pms/${pm.id}/vision/proposals`, {
    nextBiggerChallenge: 'Lead H2',
  });
  expect(proposed.status, proposed.text).toBe(200);
  return pm;
}

describe("the coach's home digest", () => {
  it('is the same handful of queries for one PM or five (set-based, never one per PM)', async () => {
    const coach = await buildWorkspace(app);
    const row = await app.deps.db
      .selectFrom('users')
      .select(['id', 'workspace_id', 'name', 'email'])
      .where('id', '=', coach.id)
      .executeTakeFirstOrThrow();
    const actor: Actor = {
      id: row.id,
      workspaceId: row.workspace_id,
      name: row.name,
      email: row.email,
      isAdmin: true,
    };
    let queries = 0;
    const db = app.deps.db.withPlugin({
      transformQuery: (args) => {
        queries++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const count = async () => {
      await readHome({ db, actor }); // builds the wheels that changed
      queries = 0;
      const home = await readHome({ db, actor });
      return { queries, home };
    };

    await busyPm(coach, 'Ada PM');
    const one = await count();
    expect(one.home.coached).toHaveLength(1);
    expect(one.home.coached[0]).toMatchObject({
      dips: expect.arrayContaining([expect.objectContaining({ areaKey: 'team' })]),
      plan: { headline: "Ada PM's plan", themes: 1, actionsTotal: 1, openSuggestions: 1 },
      vision: { waitingForViewer: true },
    });

    for (const name of ['Bo PM', 'Cy PM', 'Di PM', 'Ed PM']) await busyPm(coach, name);
    const five = await count();
    expect(five.home.coached.map((s) => s.pm.name)).toEqual(['Ada PM', 'Bo PM', 'Cy PM', 'Di PM', 'Ed PM']);
    for (const summary of five.home.coached)
      expect(summary).toMatchObject({
        dips: expect.arrayContaining([expect.objectContaining({ areaKey: 'team' })]),
        plan: { headline: `${summary.pm.name}'s plan`, openSuggestions: 1 },
        vision: { waitingForViewer: true },
      });
    expect(five.queries).toBe(one.queries);
    // pairs, viewers (2), names, stamps, plans (4), visions, colours (2), the dips' current area
    // names (one: their rounds' frameworks, decision 062), and one access-log INSERT.
    expect(one.queries).toBe(14);
  });

  it('writes one access-log entry to each PM it shows, and none to a PM whose pair ended', async () => {
    const coach = await buildWorkspace(app);
    const ada = await busyPm(coach, 'Ada PM');
    const bo = await busyPm(coach, 'Bo PM');
    expect((await bo.client.post(`/api/pairs/${bo.pairId}/end`)).status).toBe(200);
    const home = await coach.client.get('/api/home');
    expect(home.status).toBe(200);
    expect(home.body.coached.map((s: { pm: { id: string } }) => s.pm.id)).toEqual([ada.id]);
    const logged = async (pmId: string) =>
      app.deps.db
        .selectFrom('access_log')
        .select(['actor_id', 'action', 'resource'])
        .where('pm_id', '=', pmId)
        .where('action', '=', 'summary:read')
        .where('actor_id', '=', coach.id)
        .execute();
    expect(await logged(ada.id)).toEqual([
      { actor_id: coach.id, action: 'summary:read', resource: 'home summary' },
    ]);
    expect(await logged(bo.id)).toEqual([]);
    // The coach's own summary is theirs: one entry in their own log.
    expect(await logged(coach.id)).toHaveLength(1);
  });
});
