import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  buildMember,
  buildPm,
  buildRound,
  buildWorkspace,
  scoresFor,
  type Person,
} from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

const app = useTestApp({ perTest: true });

/** Every raw access-log row of a PM written by one person (the table, not the collapsed page). */
const rowsBy = (pmId: string, actorId: string) =>
  app.deps.db
    .selectFrom('access_log')
    .select(['action', 'resource'])
    .where('pm_id', '=', pmId)
    .where('actor_id', '=', actorId)
    .orderBy('at')
    .execute();

/** A second coach pairs with the PM after `round` was opened: the round predates their pairing. */
async function laterCoach(admin: Person, pm: Person) {
  const coach = await buildMember(app, admin, 'Nico New Coach');
  const offer = await coach.client.post('/api/pairs', { pmId: pm.id });
  expect((await pm.client.post(`/api/pairs/${offer.body.id}/accept`)).status).toBe(200);
  return coach;
}

describe('the access log records only what was shown', () => {
  it('leaves no entry for a round from before the coach’s pairing', async () => {
    const admin = await buildWorkspace(app);
    const pm = await buildPm(app, admin);
    const round = await buildRound(pm, admin);
    const coach = await laterCoach(admin, pm);
    for (const path of [
      `/api/rounds/${round.id}`,
      `/api/rounds/${round.id}/comparison`,
      `/api/rounds/${round.id}/assessments/self`,
    ]) {
      expect((await coach.client.get(path)).status, path).toBe(404);
    }
    expect(await rowsBy(pm.id, coach.id)).toEqual([]);
  });

  it('leaves no entry for a comparison asked for before the reveal, nor for the other side’s draft', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach);
    const round = await buildRound(pm, coach, { submit: false });
    await pm.client.put(`/api/rounds/${round.id}/assessments/self`, { scores: scoresFor(round, 7) });
    expect((await coach.client.get(`/api/rounds/${round.id}/comparison`)).status).toBe(409);
    expect((await coach.client.get(`/api/rounds/${round.id}/assessments/self`)).status).toBe(404);
    const actions = (await rowsBy(pm.id, coach.id)).map((r) => r.action);
    expect(actions).not.toContain('comparison:read');
    expect(actions).not.toContain('assessment:read');
  });

  it('leaves no entry when a coach asks for peer links, which are the PM’s alone', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach);
    const round = await buildRound(pm, coach);
    const before = await rowsBy(pm.id, coach.id);
    expect((await coach.client.get(`/api/rounds/${round.id}/peers`)).status).toBe(404);
    expect((await coach.client.put(`/api/rounds/${round.id}/peer-sharing`, { shared: true })).status).toBe(
      404,
    );
    expect(await rowsBy(pm.id, coach.id)).toEqual(before);
  });

  it('writes exactly one entry for one granted read', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach);
    const round = await buildRound(pm, coach, { title: 'Spring' });
    const before = (await rowsBy(pm.id, coach.id)).length;
    expect((await coach.client.get(`/api/rounds/${round.id}/comparison`)).status).toBe(200);
    const after = await rowsBy(pm.id, coach.id);
    expect(after.slice(before)).toEqual([
      { action: 'comparison:read', resource: 'compared wheel of "Spring"' },
    ]);
  });

  it('answers a missing round and someone else’s round with the same words', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach);
    const round = await buildRound(pm, coach);
    const stranger = await buildMember(app, coach);
    const theirs = await stranger.client.get(`/api/rounds/${round.id}`);
    const missing = await stranger.client.get(`/api/rounds/${randomUUID()}`);
    expect(theirs.status).toBe(404);
    expect(theirs.body).toEqual(missing.body);
  });
});

describe('the home page', () => {
  it('reads every coached PM in one request, one honest entry each', async () => {
    const coach = await buildWorkspace(app);
    const pat = await buildPm(app, coach, 'Pat PM');
    const quinn = await buildPm(app, coach, 'Quinn PM');
    await buildRound(pat, coach, { self: 8 });
    await buildRound(pat, coach, { self: { team: 2 }, title: 'Dip' });
    const before = (await rowsBy(pat.id, coach.id)).length;
    const home = await coach.client.get('/api/home');
    expect(home.status).toBe(200);
    expect(home.body.me.pm.id).toBe(coach.id);
    expect(home.body.coached.map((s: { pm: { name: string } }) => s.pm.name)).toEqual(['Pat PM', 'Quinn PM']);
    const patSummary = home.body.coached[0];
    expect(patSummary.dips.map((d: { areaKey: string }) => d.areaKey)).toContain('team');
    expect(patSummary.plan).toBeNull();
    expect((await rowsBy(pat.id, coach.id)).slice(before)).toEqual([
      { action: 'summary:read', resource: 'home summary' },
    ]);
    expect(await rowsBy(quinn.id, coach.id)).toEqual([{ action: 'summary:read', resource: 'home summary' }]);
  });

  it('shows a former coach nothing of the PM', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach, 'Pat PM');
    expect((await coach.client.post(`/api/pairs/${pm.pairId}/end`)).status).toBe(200);
    const home = await coach.client.get('/api/home');
    expect(home.body.coached).toEqual([]);
    expect(home.text).not.toContain(pm.id);
  });
});

describe('the access-log page', () => {
  it('collapses repeats of the same read into one line with a count', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach);
    await buildRound(pm, coach);
    for (let i = 0; i < 8; i++)
      expect((await coach.client.get(`/api/pms/${pm.id}/history`)).status).toBe(200);
    const log = (await pm.client.get(`/api/pms/${pm.id}/access-log`)).body as {
      action: string;
      count: number;
      at: string;
      firstAt: string;
    }[];
    const history = log.filter((e) => e.action === 'history:read');
    expect(history).toHaveLength(1);
    expect(history[0]!.count).toBe(8);
    expect(history[0]!.firstAt <= history[0]!.at).toBe(true);
  });
});

describe('a round’s page', () => {
  it('is one read and one entry: the round before the reveal, the compared wheel after', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach);
    const round = await buildRound(pm, coach, { submit: false, title: 'Autumn' });
    const open = await coach.client.get(`/api/rounds/${round.id}/view`);
    expect(open.status).toBe(200);
    expect(open.body.comparison).toBeNull();
    await pm.client.post(`/api/rounds/${round.id}/assessments/self/submit`, { scores: scoresFor(round, 7) });
    await coach.client.post(`/api/rounds/${round.id}/assessments/coach/submit`, {
      scores: scoresFor(round, 5),
      nextBiggerChallenge: 'Own the pricing launch',
    });
    const before = (await rowsBy(pm.id, coach.id)).length;
    const revealed = await coach.client.get(`/api/rounds/${round.id}/view`);
    expect(revealed.body.round.status).toBe('revealed');
    expect(revealed.body.comparison.areas.length).toBeGreaterThan(0);
    expect((await rowsBy(pm.id, coach.id)).slice(before)).toEqual([
      { action: 'comparison:read', resource: 'compared wheel of "Autumn"' },
    ]);
  });
});
