import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPm, buildRound, buildWorkspace, type Person } from '../support/factories.js';
import { Client } from '../support/client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Self-checks (issue 10, decisions 035 and 036): a PM scores themselves alone; the check is private
 * through every read until they share it; the seed's story (one Team statement falls 8 → 2) is a
 * dip the PM sees at submit; the PM's note about it never reaches the coach.
 */
let app: TestApp;
// Rounds stamp real time; self-checks the test clock: it starts now and only moves forward.
let clock = new Date();
const tick = (ms = 60_000) => {
  clock = new Date(clock.getTime() + ms);
};
let coach: Person;
beforeAll(async () => {
  app = await startTestApp({ now: () => clock });
  coach = await buildWorkspace(app);
});
afterAll(async () => {
  await app.close();
});

const NOTE = 'Avoiding the sales director since the launch slipped.';
const teamStory = { 'team.1': 8, 'team.2': 2, 'team.3': 8, 'team.4': 8, 'team.5': 8 };

/** A self-check of the given areas, submitted with the given scores. */
async function selfCheck(pm: Person, areas: string[] | undefined, scores: Record<string, number>) {
  tick();
  const created = await pm.client.post(`/api/pms/${pm.id}/self-checks`, areas ? { areas } : {});
  expect(created.status, created.text).toBe(200);
  tick();
  const submitted = await pm.client.post(`/api/pms/${pm.id}/self-checks/${created.body.id}/submit`, {
    scores,
  });
  expect(submitted.status, submitted.text).toBe(200);
  return submitted.body;
}

/** Everything a coach's views read about the PM, as text: history, dips, export, timeline, ideas, home, questions. */
async function everythingCoachSees(pm: Person) {
  const reads = {
    history: await coach.client.get(`/api/pms/${pm.id}/history`),
    dips: await coach.client.get(`/api/pms/${pm.id}/dips`),
    export: await coach.client.get(`/api/pms/${pm.id}/wheel/export`),
    timeline: await coach.client.get(`/api/pms/${pm.id}/timeline`),
    ideas: await coach.client.get(`/api/pms/${pm.id}/plan/ideas`),
    home: await coach.client.get('/api/home'),
    questions: await coach.client.get(`/api/pms/${pm.id}/questions/suggested`),
    list: await coach.client.get(`/api/pms/${pm.id}/self-checks`),
  };
  for (const [name, res] of Object.entries(reads)) expect(res.status, `${name}: ${res.text}`).toBe(200);
  const home = reads.home.body.coached.find((s: { pm: { id: string } }) => s.pm.id === pm.id);
  return {
    ...Object.fromEntries(Object.entries(reads).map(([k, r]) => [k, r.body])),
    homeDips: home.dips as unknown[],
    text: Object.values(reads)
      .map((r) => r.text)
      .join('\n'),
  } as Record<string, any> & { text: string; homeDips: unknown[] };
}

describe('a self-check', () => {
  it('is drafted one area at a time on the current framework version, then submitted once', async () => {
    const pm = await buildPm(app, coach);
    const created = await pm.client.post(`/api/pms/${pm.id}/self-checks`, { areas: ['team'] });
    expect(created.status, created.text).toBe(200);
    expect(created.body).toMatchObject({ status: 'draft', sharedAt: null, answered: 0, total: 5 });
    expect(created.body.frameworkVersion).toMatchObject({ name: 'PMwheel', version: 1 });
    expect(created.body.areas).toEqual([{ key: 'team', name: 'Team', score: null }]);
    const again = await pm.client.post(`/api/pms/${pm.id}/self-checks`, {});
    expect(again.status).toBe(409);

    const url = `/api/pms/${pm.id}/self-checks/${created.body.id}`;
    const saved = await pm.client.patch(url, {
      scores: { 'team.1': 7 },
      traits: { curiosity: 'Asking more since the launch.' },
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({
      scores: { 'team.1': 7 },
      answered: 1,
      areas: [{ key: 'team', score: 7 }],
    });
    expect(saved.body.traits).toEqual({ curiosity: 'Asking more since the launch.' });
    expect((await pm.client.patch(url, { scores: { 'discovery.1': 5 } })).body.error.message).toMatch(
      /not a statement of the areas you chose/,
    );
    expect((await pm.client.patch(url, { scores: { 'team.2': 11 } })).status).toBe(400);
    const early = await pm.client.post(`${url}/submit`, {});
    expect(early.status).toBe(400);
    expect(early.body.error.message).toMatch(/4 statement\(s\) not scored yet/);

    const done = await pm.client.post(`${url}/submit`, {
      scores: { 'team.2': 7, 'team.3': 7, 'team.4': 7, 'team.5': 7 },
    });
    expect(done.status, done.text).toBe(200);
    expect(done.body).toMatchObject({ status: 'submitted', areas: [{ key: 'team', score: 7 }], dips: [] });
    expect((await pm.client.patch(url, { scores: { 'team.1': 1 } })).status).toBe(409);
    expect((await pm.client.post(`${url}/submit`, {})).status).toBe(409);
    // A coach starts none: a self-check is the PM's own.
    const byCoach = await coach.client.post(`/api/pms/${pm.id}/self-checks`, {});
    expect(byCoach.status).toBe(403);
  });

  it('the seed’s story: one Team statement 8 → 2 is a dip the PM sees at submit, though the area moves 1.2', async () => {
    const pm = await buildPm(app, coach);
    await buildRound(pm, coach, { self: 8, coach: 7, title: 'Spring' });
    tick();
    const check = await selfCheck(pm, ['team'], teamStory);
    expect(check.areas).toEqual([{ key: 'team', name: 'Team', score: 6.8 }]);
    expect(check.dips).toEqual([
      expect.objectContaining({
        source: 'self-check',
        selfCheckId: check.id,
        roundId: null,
        areaKey: 'team',
        statementKey: 'team.2',
        statementText: expect.stringMatching(/keeping stakeholders informed, including bad news/),
        score: 2,
        recentLevel: 8,
        drop: 6,
        note: null,
        private: true,
      }),
    ]);
    // The PM's own dips read shows it at once too, with the note once written.
    const noted = await pm.client.put(`/api/pms/${pm.id}/self-checks/${check.id}/note`, { note: NOTE });
    expect(noted.status, noted.text).toBe(200);
    expect(noted.body.note).toBe(NOTE);
    const dips = await pm.client.get(`/api/pms/${pm.id}/dips`);
    expect(dips.body).toEqual([expect.objectContaining({ statementKey: 'team.2', note: NOTE })]);
    // The PM's timeline marks the self-check and its dip private.
    const timeline = (await pm.client.get(`/api/pms/${pm.id}/timeline`)).body.items;
    expect(timeline.filter((i: { kind: string }) => ['self-check', 'dip'].includes(i.kind))).toEqual([
      expect.objectContaining({ kind: 'self-check', title: 'Self-check: Team 6.8', private: true }),
      expect.objectContaining({ kind: 'dip', detail: NOTE, private: true }),
    ]);
  });

  it('is private by default through every coach read, shared then unshared; the note never reaches the coach', async () => {
    const pm = await buildPm(app, coach);
    await buildRound(pm, coach, { self: 8, coach: 7, title: 'Spring' });
    const check = await selfCheck(pm, ['team'], teamStory);
    await pm.client.put(`/api/pms/${pm.id}/self-checks/${check.id}/note`, { note: NOTE });
    const one = `/api/pms/${pm.id}/self-checks/${check.id}`;

    const before = await everythingCoachSees(pm);
    expect(before.list.selfChecks).toEqual([]);
    expect(before.list.areas).toHaveLength(8);
    expect(before.history.selfChecks).toEqual([]);
    expect(before.history.rounds.map((r: { title: string }) => r.title)).toEqual(['Spring']);
    expect(before.dips).toEqual([]);
    expect(before.homeDips).toEqual([]);
    expect(before.timeline.items.map((i: { kind: string }) => i.kind)).not.toContain('self-check');
    expect(before.timeline.items.map((i: { kind: string }) => i.kind)).not.toContain('dip');
    expect(before.text).not.toContain(check.id);
    expect(before.text).not.toContain(NOTE);
    expect(before.text).not.toContain('"statementKey":"team.2"');
    expect(before.text).not.toContain('A dip in Team');
    // Unshared: exactly the 404 of a missing one.
    const hidden = await coach.client.get(one);
    const missing = await coach.client.get(`/api/pms/${pm.id}/self-checks/${crypto.randomUUID()}`);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
    for (const [method, path] of [
      ['patch', one],
      ['put', `${one}/note`],
      ['post', `${one}/share`],
    ] as const) {
      const res = await coach.client[method](path, method === 'put' ? { note: 'x' } : {});
      expect(res.status).toBe(404);
    }

    tick();
    const shared = await pm.client.post(`${one}/share`, {});
    expect(shared.status, shared.text).toBe(200);
    expect(shared.body.sharedAt).toBe(clock.toISOString());
    const read = await coach.client.get(one);
    expect(read.status, read.text).toBe(200);
    expect(read.body).toMatchObject({ id: check.id, note: null, scores: teamStory });
    const after = await everythingCoachSees(pm);
    expect(after.list.selfChecks.map((s: { id: string }) => s.id)).toEqual([check.id]);
    expect(after.history.selfChecks).toEqual([
      { id: check.id, submittedAt: check.submittedAt, sharedAt: shared.body.sharedAt },
    ]);
    const team = after.history.areas.find((a: { key: string }) => a.key === 'team');
    expect(team.selfCheckPoints).toEqual([{ selfCheckId: check.id, self: 6.8 }]);
    expect(after.dips).toEqual([
      expect.objectContaining({ statementKey: 'team.2', score: 2, note: null, private: false }),
    ]);
    expect(after.homeDips).toHaveLength(1);
    expect(after.timeline.items.map((i: { kind: string }) => i.kind)).toEqual(
      expect.arrayContaining(['self-check', 'dip']),
    );
    expect(after.text).not.toContain(NOTE);
    // The coach's read of the shared self-check is in the PM's access log.
    const log = await app.deps.db
      .selectFrom('access_log')
      .select(['actor_id', 'action', 'resource'])
      .where('pm_id', '=', pm.id)
      .where('action', '=', 'self-check:read')
      .execute();
    expect(log).toEqual([{ actor_id: coach.id, action: 'self-check:read', resource: 'self-check' }]);
    // Shared or not, only the PM changes it.
    expect((await coach.client.put(`${one}/note`, { note: 'x' })).status).toBe(404);

    tick();
    const unshared = await pm.client.delete(`${one}/share`);
    expect(unshared.status, unshared.text).toBe(200);
    expect(unshared.body.sharedAt).toBeNull();
    expect((await coach.client.get(one)).status).toBe(404);
    const again = await everythingCoachSees(pm);
    expect(again.list.selfChecks).toEqual([]);
    expect(again.dips).toEqual([]);
    expect(again.history.selfChecks).toEqual([]);
    expect(again.text).not.toContain(check.id);
  });

  it('the PM’s history has their own submitted self side at once; the coach’s waits for the reveal', async () => {
    const pm = await buildPm(app, coach);
    const round = await buildRound(pm, coach, { submit: false, title: 'Open one' });
    const self = await pm.client.post(`/api/rounds/${round.id}/assessments/self/submit`, {
      scores: Object.fromEntries(
        round.frameworkVersion.areas.flatMap((a: { statements: { key: string }[] }) =>
          a.statements.map((s) => [s.key, 6]),
        ),
      ),
    });
    expect(self.status, self.text).toBe(200);
    const check = await selfCheck(pm, ['team'], {
      'team.1': 9,
      'team.2': 9,
      'team.3': 9,
      'team.4': 9,
      'team.5': 9,
    });
    const mine = (await pm.client.get(`/api/pms/${pm.id}/history`)).body;
    expect(mine.rounds).toEqual([expect.objectContaining({ id: round.id, revealedAt: null })]);
    expect(mine.selfChecks.map((s: { id: string }) => s.id)).toEqual([check.id]);
    const team = mine.areas.find((a: { key: string }) => a.key === 'team');
    expect(team.points).toEqual([{ roundId: round.id, self: 6, coach: null, peers: null }]);
    expect(team.selfCheckPoints).toEqual([{ selfCheckId: check.id, self: 9 }]);
    const theirs = (await coach.client.get(`/api/pms/${pm.id}/history`)).body;
    expect(theirs).toEqual({
      scale: null,
      rounds: [],
      selfChecks: [],
      areas: [],
      earlier: 0,
      earlierCursor: null,
    });
  });

  it('the demo shows a shared self-check with a dip in one Team statement', async () => {
    // The demo opens only before setup: a fresh installation of its own.
    const fresh = await startTestApp();
    try {
      const visitor = new Client(fresh.url);
      await visitor.start();
      expect((await visitor.post('/api/demo')).status).toBe(200);
      const pairs = (await visitor.get('/api/pairs')).body as { pm: { id: string; name: string } }[];
      const priya = pairs.find((p) => p.pm.name === 'Priya Natarajan')!.pm.id;
      const dips = (await visitor.get(`/api/pms/${priya}/dips`)).body;
      expect(dips).toEqual([
        expect.objectContaining({
          source: 'self-check',
          areaKey: 'team',
          statementKey: 'team.2',
          score: 2,
          note: null,
        }),
      ]);
      const list = (await visitor.get(`/api/pms/${priya}/self-checks`)).body;
      expect(list.selfChecks).toHaveLength(1);
    } finally {
      await fresh.close();
    }
  });
});
