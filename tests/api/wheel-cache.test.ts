import { describe, expect, it } from 'vitest';
import { wheelCacheStats } from '../../server/features/assess/wheel/wheel-cache.js';
import {
  buildMember,
  buildPm,
  buildRound,
  buildWorkspace,
  scoresFor,
  type Person,
} from '../support/factories.js';
import { startTestApp, useTestApp } from '../support/test-app.js';

/**
 * The cached wheel read (decision 045), tried from the denied side: each time the cache was first
 * warmed by a more privileged viewer (the PM, or the coach before the change), then the less
 * privileged read must show exactly what they may see, at once.
 */
const app = useTestApp({ perTest: true });

type Client = Person['client'];
const history = async (client: Client, pmId: string, before?: string) => {
  const res = await client.get(`/api/pms/${pmId}/history${before ? `?before=${before}` : ''}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
};
const dips = async (client: Client, pmId: string) => {
  const res = await client.get(`/api/pms/${pmId}/dips`);
  expect(res.status, res.text).toBe(200);
  return res.body as { areaKey: string; statementKey: string | null; note: string | null }[];
};
const roundIds = (h: { rounds: { id: string }[] }) => h.rounds.map((r) => r.id);
const stats = () => wheelCacheStats(app.deps.db);

/** A submitted self-check of the Team area: team.2 at 2 (a dip against 8s), with a private note. */
async function teamSelfCheck(pm: Person) {
  const created = await pm.client.post(`/api/pms/${pm.id}/self-checks`, { areas: ['team'] });
  expect(created.status, created.text).toBe(200);
  const url = `/api/pms/${pm.id}/self-checks/${created.body.id}`;
  const submitted = await pm.client.post(`${url}/submit`, {
    scores: { 'team.1': 8, 'team.2': 2, 'team.3': 8, 'team.4': 8, 'team.5': 8 },
  });
  expect(submitted.status, submitted.text).toBe(200);
  expect((await pm.client.put(`${url}/note`, { note: 'The launch slipped' })).status).toBe(200);
  return { id: created.body.id as string, url };
}

describe('the cached wheel, from the denied side', () => {
  it('refuses a coach whose pair ended, though their wheel was cached a moment before', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach);
    await buildRound(pm, coach);
    expect(roundIds(await history(coach.client, pm.id))).toHaveLength(1);
    await dips(coach.client, pm.id);
    expect((await pm.client.post(`/api/pairs/${pm.pairId}/end`)).status).toBe(200);
    const logged = await app.deps.db
      .selectFrom('access_log')
      .select('id')
      .where('pm_id', '=', pm.id)
      .execute();

    expect((await coach.client.get(`/api/pms/${pm.id}/history`)).status).toBe(404);
    expect((await coach.client.get(`/api/pms/${pm.id}/dips`)).status).toBe(404);
    const home = await coach.client.get('/api/home');
    expect(home.body.coached).toEqual([]);
    const after = await app.deps.db
      .selectFrom('access_log')
      .select('id')
      .where('pm_id', '=', pm.id)
      .execute();
    expect(after).toHaveLength(logged.length);
  });

  it('shows a new coach nothing from before the pairing, then what the PM shares, then nothing once revoked', async () => {
    const cleo = await buildWorkspace(app);
    const pia = await buildPm(app, cleo, 'Pia PM');
    const old = await buildRound(pia, cleo, { title: 'With Cleo' });
    expect(roundIds(await history(cleo.client, pia.id))).toEqual([old.id]);
    expect((await pia.client.post(`/api/pairs/${pia.pairId}/end`)).status).toBe(200);
    const cole = await buildMember(app, cleo, 'Cole Coach');
    const offer = await cole.client.post('/api/pairs', { pmId: pia.id });
    expect((await pia.client.post(`/api/pairs/${offer.body.id}/accept`)).status).toBe(200);
    // Warmed by the PM, who sees everything.
    expect(roundIds(await history(pia.client, pia.id))).toEqual([old.id]);

    expect(await history(cole.client, pia.id)).toMatchObject({ rounds: [], selfChecks: [], scale: null });
    const base = `/api/pms/${pia.id}/history-grants/${cole.id}`;
    expect((await pia.client.put(base, { parts: ['wheel'] })).status).toBe(200);
    expect(roundIds(await history(cole.client, pia.id))).toEqual([old.id]);
    expect((await pia.client.delete(base)).status).toBe(200);
    expect(await history(cole.client, pia.id)).toMatchObject({ rounds: [], scale: null });
    expect(await dips(cole.client, pia.id)).toEqual([]);
  });

  it("keeps the PM's unshared peer scores, private self-check and its dip from the coach, then shows a share at once and hides an unshare at once", async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach);
    await buildRound(pm, coach, { self: 8 });
    const round = (await pm.client.post(`/api/pms/${pm.id}/rounds`, {})).body;
    const invited = await pm.client.post(`/api/rounds/${round.id}/peers`, { name: 'Sam' });
    const { Client: PeerClient } = await import('../support/client.js');
    const peer = new PeerClient(app.url);
    await peer.start();
    const token = invited.body.link.split('/peer/')[1];
    expect((await peer.post(`/api/peer-reviews/${token}`, { scores: scoresFor(round, 3) })).status).toBe(200);
    for (const [who, side] of [
      [pm, 'self'],
      [coach, 'coach'],
    ] as const) {
      const res = await who.client.post(`/api/rounds/${round.id}/assessments/${side}/submit`, {
        scores: scoresFor(round, 8),
        nextBiggerChallenge: 'Lead the planning',
      });
      expect(res.status, res.text).toBe(200);
    }
    const check = await teamSelfCheck(pm);

    // Warmed by the PM: peers, the private self-check, its dip and its note.
    const pmView = await history(pm.client, pm.id);
    expect(pmView.areas[0].points[1].peers).toBe(3);
    expect(pmView.selfChecks.map((c: { id: string }) => c.id)).toEqual([check.id]);
    expect(await dips(pm.client, pm.id)).toEqual([
      expect.objectContaining({ statementKey: 'team.2', note: 'The launch slipped' }),
    ]);

    const compared = async (who: Person) => (await who.client.get(`/api/rounds/${round.id}/comparison`)).body;
    expect((await compared(pm)).peerCount).toBe(1);
    expect(await compared(coach)).toMatchObject({
      peerCount: null,
      areas: expect.arrayContaining([expect.objectContaining({ peers: null })]),
    });
    const coachView = await history(coach.client, pm.id);
    expect(coachView.areas[0].points.map((p: { peers: number | null }) => p.peers)).toEqual([null, null]);
    expect(coachView.selfChecks).toEqual([]);
    expect(await dips(coach.client, pm.id)).toEqual([]);
    expect(JSON.stringify((await coach.client.get('/api/home')).body)).not.toContain('team.2');

    // Shared a moment ago: at once. Then unshared a moment ago: gone at once, everywhere.
    expect((await pm.client.post(`${check.url}/share`, {})).status).toBe(200);
    expect((await pm.client.put(`/api/rounds/${round.id}/peer-sharing`, { shared: true })).status).toBe(200);
    const shared = await history(coach.client, pm.id);
    expect(shared.selfChecks.map((c: { id: string }) => c.id)).toEqual([check.id]);
    expect(shared.areas[0].points[1].peers).toBe(3);
    expect((await compared(coach)).areas[0].peers).toBe(3);
    expect(await dips(coach.client, pm.id)).toEqual([
      expect.objectContaining({ statementKey: 'team.2', note: null }),
    ]);

    expect((await pm.client.delete(`${check.url}/share`)).status).toBe(200);
    expect((await pm.client.put(`/api/rounds/${round.id}/peer-sharing`, { shared: false })).status).toBe(200);
    const unshared = await history(coach.client, pm.id);
    expect(unshared.selfChecks).toEqual([]);
    expect(unshared.areas[0].points[1].peers).toBeNull();
    expect(await compared(coach)).toMatchObject({
      peerCount: null,
      areas: expect.arrayContaining([expect.objectContaining({ peers: null })]),
    });
    expect(await dips(coach.client, pm.id)).toEqual([]);
    const home = JSON.stringify((await coach.client.get('/api/home')).body);
    expect(home).not.toContain('team.2');
    expect(home).not.toContain('The launch slipped');
  });

  it('shows a round revealed a moment ago at once, to both sides', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach);
    const first = await buildRound(pm, coach);
    const round = await buildRound(pm, coach, { submit: false });
    const selfSide = await pm.client.post(`/api/rounds/${round.id}/assessments/self/submit`, {
      scores: scoresFor(round, 4),
    });
    expect(selfSide.status).toBe(200);
    // The PM sees their own side at once; the coach only the revealed round.
    expect(roundIds(await history(pm.client, pm.id))).toEqual([first.id, round.id]);
    expect(roundIds(await history(coach.client, pm.id))).toEqual([first.id]);
    const coachSide = await coach.client.post(`/api/rounds/${round.id}/assessments/coach/submit`, {
      scores: scoresFor(round, 5),
      nextBiggerChallenge: 'Lead the planning',
    });
    expect(coachSide.status).toBe(200);
    const revealed = await history(coach.client, pm.id);
    expect(roundIds(revealed)).toEqual([first.id, round.id]);
    expect(revealed.areas[0].points[1]).toMatchObject({ self: 4, coach: 5 });
    expect((await history(pm.client, pm.id)).rounds[1].revealedAt).not.toBeNull();
  });

  it('writes one access-log entry per read shown, a cached one included', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach);
    await buildRound(pm, coach);
    const before = stats();
    for (let i = 0; i < 3; i++) await history(coach.client, pm.id);
    await dips(coach.client, pm.id);
    const after = stats();
    expect(after.builds - before.builds).toBe(1);
    expect(after.hits - before.hits).toBe(3);
    const log = await app.deps.db
      .selectFrom('access_log')
      .select(['action', 'resource'])
      .where('pm_id', '=', pm.id)
      .where('actor_id', '=', coach.id)
      .where('action', 'in', ['history:read', 'dips:read'])
      .execute();
    expect(log.filter((e) => e.action === 'history:read')).toHaveLength(3);
    expect(log.filter((e) => e.action === 'dips:read')).toHaveLength(1);
  });

  it('sees a change made through another app instance on the same database', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach);
    await buildRound(pm, coach, { self: 8 });
    const check = await teamSelfCheck(pm);
    expect((await pm.client.post(`${check.url}/share`, {})).status).toBe(200);
    expect((await history(coach.client, pm.id)).selfChecks).toHaveLength(1);
    if (app.deps.engine !== 'postgres') return; // SQLite: one process holds the file (decision 001).
    const other = await startTestApp({ databaseUrl: app.deps.config.databaseUrl });
    try {
      const { signIn } = await import('../support/factories.js');
      const again = await signIn(other, pm.email);
      expect((await again.client.delete(`${check.url}/share`)).status).toBe(200);
    } finally {
      await other.close();
    }
    expect((await history(coach.client, pm.id)).selfChecks).toEqual([]);
  });
});

describe('history, a page at a time', () => {
  it('answers the latest 12 rounds and self-checks, then the earlier ones by cursor', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach);
    const rounds = [];
    for (let i = 0; i < 13; i++) rounds.push(await buildRound(pm, coach, { self: 5 + (i % 3) }));
    const check = await teamSelfCheck(pm);
    const latest = await history(pm.client, pm.id);
    expect(latest.rounds.map((r: { id: string }) => r.id)).toEqual(rounds.slice(2).map((r) => r.id));
    expect(latest.selfChecks.map((c: { id: string }) => c.id)).toEqual([check.id]);
    expect(latest.areas[0].points).toHaveLength(11);
    expect(latest.earlier).toBe(2);
    expect(latest.earlierCursor).toBe(rounds[2].id);
    const earlier = await history(pm.client, pm.id, latest.earlierCursor);
    expect(earlier.rounds.map((r: { id: string }) => r.id)).toEqual([rounds[0].id, rounds[1].id]);
    expect(earlier.areas[0].points).toHaveLength(2);
    expect(earlier).toMatchObject({ earlier: 0, earlierCursor: null, selfChecks: [] });

    // A cursor nobody has, and one the coach may not see (the private self-check): the same 400.
    const unknown = await pm.client.get(`/api/pms/${pm.id}/history?before=${crypto.randomUUID()}`);
    const hidden = await coach.client.get(`/api/pms/${pm.id}/history?before=${check.id}`);
    expect(unknown.status).toBe(400);
    expect(hidden.status).toBe(400);
    expect(hidden.body).toEqual(unknown.body);
  });
});
