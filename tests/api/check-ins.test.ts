import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPm, buildRound, buildWorkspace, type Person } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { buildWorld, relations } from '../support/world.js';
import { checkInRows } from './matrix/check-ins.js';
import { snapshot } from './matrix/snapshot.js';

/**
 * Emotion check-ins, pulses and the timeline (issue 8): the PM writes how they feel; a private
 * check-in is theirs alone through every read; the coach reads what is shared and writes nothing;
 * the timeline mixes everything newest first, 30 a page; a former coach finds nothing.
 */
let app: TestApp;
let clock = new Date('2026-03-02T09:00:00.000Z');
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

const checkIn = (pm: Person, body: Record<string, unknown>) => {
  tick();
  return pm.client.post(`/api/pms/${pm.id}/check-ins`, body);
};
const timeline = async (who: Person, pm: Person, before?: string) => {
  const res = await who.client.get(
    `/api/pms/${pm.id}/timeline${before ? `?before=${encodeURIComponent(before)}` : ''}`,
  );
  expect(res.status, res.text).toBe(200);
  return res.body as {
    items: { key: string; kind: string; at: string; title: string; link: string | null; private: boolean }[];
    nextBefore: string | null;
  };
};
const logOf = (pmId: string) =>
  app.deps.db
    .selectFrom('access_log')
    .select(['actor_id', 'action', 'resource'])
    .where('pm_id', '=', pmId)
    .execute();

describe('emotion check-ins', () => {
  it('the PM checks in; a private one is invisible to the coach through every read', async () => {
    const pm = await buildPm(app, coach);
    const shared = await checkIn(pm, {
      emotions: ['curious', 'nervous'],
      about: { kind: 'project', text: 'Pricing page' },
      why: 'First time leading discovery.',
    });
    expect(shared.status, shared.text).toBe(200);
    expect(shared.body.emotions.map((e: { name: string }) => e.name)).toEqual(['Curious', 'Nervous']);
    expect(shared.body.about).toEqual({ kind: 'project', lineageId: null, title: 'Pricing page' });
    const secret = await checkIn(pm, {
      emotions: ['drained'],
      why: 'Not ready to talk about it.',
      private: true,
    });
    expect(secret.status, secret.text).toBe(200);
    expect(secret.body.private).toBe(true);

    const mine = await pm.client.get(`/api/pms/${pm.id}/check-ins`);
    expect(mine.body.checkIns.map((c: { id: string }) => c.id)).toEqual([secret.body.id, shared.body.id]);
    expect(mine.body.emotions).toHaveLength(30);

    const theirs = await coach.client.get(`/api/pms/${pm.id}/check-ins`);
    expect(theirs.status).toBe(200);
    expect(theirs.body.checkIns.map((c: { id: string }) => c.id)).toEqual([shared.body.id]);
    expect(theirs.text).not.toContain('Not ready to talk about it');

    const pmTimeline = await timeline(pm, pm);
    expect(pmTimeline.items.filter((i) => i.kind === 'check-in').map((i) => i.private)).toEqual([
      true,
      false,
    ]);
    const coachTimeline = await timeline(coach, pm);
    expect(coachTimeline.items.map((i) => i.key)).toEqual([`check-in:${shared.body.id}`]);
    expect(JSON.stringify(coachTimeline)).not.toContain('drained');

    // Deleting it: the coach cannot even find the private one, and is told why for a shared one.
    const before = await snapshot(app.deps.db);
    const hidden = await coach.client.delete(`/api/pms/${pm.id}/check-ins/${secret.body.id}`);
    expect(hidden.status).toBe(404);
    const refused = await coach.client.delete(`/api/pms/${pm.id}/check-ins/${shared.body.id}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/Only the PM/);
    expect(await snapshot(app.deps.db)).toEqual(before);
    const gone = await pm.client.delete(`/api/pms/${pm.id}/check-ins/${secret.body.id}`);
    expect(gone.status, gone.text).toBe(200);
    const after = await pm.client.get(`/api/pms/${pm.id}/check-ins`);
    expect(after.body.checkIns.map((c: { id: string }) => c.id)).toEqual([shared.body.id]);
  });

  it('only the PM writes check-ins: a coach gets 403 with a reason and nothing is stored', async () => {
    const pm = await buildPm(app, coach);
    const before = await snapshot(app.deps.db);
    const res = await coach.client.post(`/api/pms/${pm.id}/check-ins`, { emotions: ['calm'] });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/PM’s own words/);
    expect(await snapshot(app.deps.db)).toEqual(before);
  });

  it('validates the emotions and what the check-in is about (a theme of the current plan)', async () => {
    const pm = await buildPm(app, coach);
    const bad = async (body: Record<string, unknown>, message: RegExp) => {
      const res = await checkIn(pm, body);
      expect(res.status, res.text).toBe(400);
      expect(res.body.error.message).toMatch(message);
    };
    await bad({ emotions: [] }, /at least one emotion/);
    await bad({ emotions: ['calm', 'sad', 'proud', 'tired'] }, /at most three/);
    await bad({ emotions: ['calm', 'calm'] }, /twice/);
    await bad({ emotions: ['hangry'] }, /not an emotion/);
    await bad(
      { emotions: ['calm'], about: { kind: 'theme', lineageId: '00000000-0000-4000-8000-000000000000' } },
      /not a theme of your current plan/,
    );

    const plan = await pm.client.post(`/api/pms/${pm.id}/plan`, {
      headline: 'Own discovery',
      themes: [{ title: 'Talk to users', actions: [{ text: 'Lead three interviews' }] }],
    });
    expect(plan.status, plan.text).toBe(200);
    const lineageId = plan.body.themes[0].lineageId as string;
    const board = await pm.client.get(`/api/pms/${pm.id}/check-ins`);
    expect(board.body.themes).toEqual([{ lineageId, title: 'Talk to users' }]);
    const res = await checkIn(pm, { emotions: ['hopeful'], about: { kind: 'theme', lineageId } });
    expect(res.status, res.text).toBe(200);
    expect(res.body.about).toEqual({ kind: 'theme', lineageId, title: 'Talk to users' });
  });
});

describe('pulses', () => {
  it('are a 1–10 on an area or statement of the PM’s framework, with a line after, as a series per area', async () => {
    const pm = await buildPm(app, coach);
    const board = await pm.client.get(`/api/pms/${pm.id}/pulses`);
    expect(board.status, board.text).toBe(200);
    const area = board.body.areas[0];
    const statement = area.statements[0];

    const unknown = await pm.client.post(`/api/pms/${pm.id}/pulses`, { key: 'not-an-area', score: 5 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/not an area or statement of your framework/);
    const high = await pm.client.post(`/api/pms/${pm.id}/pulses`, { key: area.key, score: 11 });
    expect(high.status).toBe(400);
    const byCoach = await coach.client.post(`/api/pms/${pm.id}/pulses`, { key: area.key, score: 5 });
    expect(byCoach.status).toBe(403);

    tick();
    const first = await pm.client.post(`/api/pms/${pm.id}/pulses`, { key: area.key, score: 6 });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ kind: 'area', name: area.name, score: 6, higher: '' });
    const answered = await pm.client.patch(`/api/pms/${pm.id}/pulses/${first.body.id}`, {
      higher: 'A quiet morning to plan',
    });
    expect(answered.status, answered.text).toBe(200);
    tick();
    const second = await pm.client.post(`/api/pms/${pm.id}/pulses`, { key: statement.key, score: 8 });
    expect(second.body).toMatchObject({ kind: 'statement', name: statement.text });

    const seen = await coach.client.get(`/api/pms/${pm.id}/pulses`);
    const series = seen.body.areas.find((a: { key: string }) => a.key === area.key).pulses;
    expect(series.map((p: { score: number; higher: string }) => [p.score, p.higher])).toEqual([
      [6, 'A quiet morning to plan'],
      [8, ''],
    ]);
    const items = (await timeline(coach, pm)).items;
    expect(items.map((i) => i.kind)).toEqual(['pulse', 'pulse']);
    expect(items[1]!.title).toBe(`${area.name}: 6 of 10`);
  });
});

describe('the timeline', () => {
  it('mixes everything newest first, 30 a page, with one access-log entry per page', async () => {
    const pm = await buildPm(app, coach);
    const board = await pm.client.get(`/api/pms/${pm.id}/pulses`);
    const areaKey = board.body.areas[0].key as string;
    // A revealed round (stamped with the real time, so the newest item), then 64 check-ins and pulses.
    await buildRound(pm, coach);
    const created: string[] = [];
    for (let i = 0; i < 64; i++) {
      const res =
        i % 2
          ? await checkIn(pm, { emotions: ['calm'], why: `number ${i}` })
          : (tick(), await pm.client.post(`/api/pms/${pm.id}/pulses`, { key: areaKey, score: (i % 10) + 1 }));
      expect(res.status, res.text).toBe(200);
      created.push(`${i % 2 ? 'check-in' : 'pulse'}:${res.body.id}`);
    }
    // Two at the very same moment: pagination must neither repeat nor lose one.
    await checkIn(pm, { emotions: ['proud'] });
    clock = new Date(clock.getTime());
    const twin = await pm.client.post(`/api/pms/${pm.id}/check-ins`, { emotions: ['proud'] });
    expect(twin.status).toBe(200);

    const logBefore = (await logOf(pm.id)).length;
    const pages = [];
    let before: string | undefined;
    do {
      const page = await timeline(coach, pm, before);
      pages.push(page.items);
      before = page.nextBefore ?? undefined;
    } while (before);
    expect(pages.map((p) => p.length)).toEqual([30, 30, 7]);
    const log = (await logOf(pm.id)).slice(logBefore);
    expect(log).toEqual(
      [1, 2, 3].map(() => ({ actor_id: coach.id, action: 'timeline:read', resource: 'timeline' })),
    );

    const all = pages.flat();
    expect(new Set(all.map((i) => i.key)).size).toBe(67);
    expect(all[0]!.kind).toBe('round');
    for (let i = 1; i < all.length; i++) expect(all[i - 1]!.at >= all[i]!.at, `${i}`).toBe(true);
    // The 64 in reverse order of writing, after the two twins.
    expect(all.slice(3).map((i) => i.key)).toEqual([...created].reverse());
  });

  it('shows revealed rounds, the latest dips and plan changes, each with its page', async () => {
    const pm = await buildPm(app, coach);
    const plan = await pm.client.post(`/api/pms/${pm.id}/plan`, {
      headline: 'Own discovery',
      themes: [{ title: 'Talk to users', actions: [{ text: 'Lead three interviews' }] }],
    });
    expect(plan.status, plan.text).toBe(200);
    const actionId = plan.body.themes[0].actions[0].id;
    const done = await pm.client.patch(`/api/pms/${pm.id}/plan/actions/${actionId}`, { status: 'done' });
    expect(done.status, done.text).toBe(200);
    for (const title of ['Q1', 'Q2', 'Q3']) await buildRound(pm, coach, { title, self: 7 });
    const areas = (await pm.client.get(`/api/pms/${pm.id}/pulses`)).body.areas as { key: string }[];
    const steady = Object.fromEntries(areas.map((a) => [a.key, 7]));
    const last = await buildRound(pm, coach, { title: 'Q4', self: { ...steady, team: 3 } });

    const { items } = await timeline(coach, pm);
    const byKind = (kind: string) => items.filter((i) => i.kind === kind);
    expect(byKind('round').map((i) => i.title)).toEqual(
      ['Q4', 'Q3', 'Q2', 'Q1'].map((t) => `Wheel revealed: ${t}`),
    );
    expect(byKind('dip')).toEqual([expect.objectContaining({ link: `/rounds/${last.id}` })]);
    expect(byKind('dip')[0]!.title).toMatch(/^Dip in Team: 3/);
    expect(byKind('plan-started').map((i) => [i.title, i.link])).toEqual([
      ['Plan started: Own discovery', `/pms/${pm.id}/plan/versions/1`],
    ]);
    expect(byKind('action-done').map((i) => i.title)).toEqual(['Action done: Lead three interviews']);
  });

  it('shows coaching sessions once held', async () => {
    const pm = await buildPm(app, coach);
    const scheduled = await coach.client.post(`/api/pms/${pm.id}/coaching-sessions`, {
      startsAt: clock.toISOString().slice(0, 16),
      timeZone: 'UTC',
    });
    expect(scheduled.status, scheduled.text).toBe(200);
    const id = scheduled.body.id as string;
    expect((await timeline(pm, pm)).items.filter((i) => i.kind === 'session')).toEqual([]);
    for (const verb of ['start', 'end']) {
      const res = await coach.client.post(`/api/coaching-sessions/${id}/${verb}`);
      expect(res.status, res.text).toBe(200);
    }
    const sessions = (await timeline(pm, pm)).items.filter((i) => i.kind === 'session');
    expect(sessions.map((i) => [i.title, i.link])).toEqual([
      ['Monthly coaching session held', `/coaching-sessions/${id}`],
    ]);
  });

  it('refuses a bad cursor with a short message', async () => {
    const pm = await buildPm(app, coach);
    const res = await pm.client.get(`/api/pms/${pm.id}/timeline?before=yesterday`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/not a timeline cursor/);
  });
});

describe('a former coach', () => {
  it('gets 404 on every read and write, and nothing changes', async () => {
    const pm = await buildPm(app, coach);
    const shared = await checkIn(pm, { emotions: ['excited'] });
    const board = await pm.client.get(`/api/pms/${pm.id}/pulses`);
    tick();
    const pulse = await pm.client.post(`/api/pms/${pm.id}/pulses`, {
      key: board.body.areas[0].key,
      score: 4,
    });
    const ended = await pm.client.post(`/api/pairs/${pm.pairId}/end`);
    expect(ended.status, ended.text).toBe(200);

    const before = await snapshot(app.deps.db);
    const base = `/api/pms/${pm.id}`;
    const attempts = [
      coach.client.get(`${base}/check-ins`),
      coach.client.get(`${base}/pulses`),
      coach.client.get(`${base}/timeline`),
      coach.client.post(`${base}/check-ins`, { emotions: ['calm'] }),
      coach.client.delete(`${base}/check-ins/${shared.body.id}`),
      coach.client.post(`${base}/pulses`, { key: board.body.areas[0].key, score: 5 }),
      coach.client.patch(`${base}/pulses/${pulse.body.id}`, { higher: 'x' }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status, res.text).toBe(404);
      expect(res.text).not.toContain('excited');
    }
    expect(await snapshot(app.deps.db)).toEqual(before);
  });
});

describe('the PM-only writes', () => {
  for (const row of checkInRows.filter((r) => !r.coachingData)) {
    it(`${row.method} ${row.path}: 403 with a reason for the coach, exactly 404 for everyone else`, async () => {
      const world = await buildWorld(app);
      for (const relation of relations.filter((r) => !row.allowed.includes(r))) {
        const { path, body } = await row.request(world, relation, app);
        const before = await snapshot(app.deps.db);
        const res = await world
          .clientFor(relation)
          .request(row.method, path, row.method === 'DELETE' ? undefined : (body ?? {}));
        const expected = relation === 'coach' ? 403 : 404;
        expect(res.status, `${relation}: ${res.text}`).toBe(expected);
        if (expected === 403) expect(res.body.error.message.length, relation).toBeGreaterThan(20);
        expect(await snapshot(app.deps.db), `${relation} changed data`).toEqual(before);
      }
    });
  }
});
