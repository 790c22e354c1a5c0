import { expect, it } from 'vitest';
import { Client } from '../support/client.js';
import { buildPm, buildWorkspace, scoresFor } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

const app = useTestApp({ perTest: true });

it('lets a peer score the PM once by link; the coach sees peer scores only when the PM shares them', async () => {
  const coach = await buildWorkspace(app);
  const pm = await buildPm(app, coach);
  const round = (await pm.client.post(`/api/pms/${pm.id}/rounds`, {})).body;
  const invited = await pm.client.post(`/api/rounds/${round.id}/peers`, { name: 'Sam from design' });
  expect(invited.body).toMatchObject({ name: 'Sam from design', status: 'open' });
  const token = invited.body.link.split('/peer/')[1];
  expect((await coach.client.post(`/api/rounds/${round.id}/peers`, { name: 'Sneaky' })).status).toBe(404);
  expect((await coach.client.get(`/api/rounds/${round.id}/peers`)).status).toBe(404);

  const peer = new Client(app.url);
  await peer.start();
  const preview = await peer.get(`/api/peer-reviews/${token}`);
  expect(preview.body).toMatchObject({ pmName: pm.name, status: 'open', mine: null });
  const incomplete = await peer.post(`/api/peer-reviews/${token}`, { scores: { 'team.1': 4 } });
  expect(incomplete.status).toBe(400);
  expect(incomplete.body.error.message).toMatch(/^scores: /);
  const offScale = await peer.post(`/api/peer-reviews/${token}`, {
    scores: { ...scoresFor(round, 4), 'team.1': 11 },
  });
  expect(offScale.body.error.message).toBe('scores.team.1: must be a whole number from 1 to 10');
  const answered = await peer.post(`/api/peer-reviews/${token}`, {
    scores: scoresFor(round, 4),
    notes: { team: 'Great in planning meetings' },
  });
  expect(answered.status).toBe(200);
  expect(answered.body).toMatchObject({
    status: 'submitted',
    mine: { notes: { team: 'Great in planning meetings' } },
  });
  expect((await peer.post(`/api/peer-reviews/${token}`, { scores: scoresFor(round, 9) })).status).toBe(409);
  expect((await peer.get('/api/peer-reviews/not-a-real-token-but-long-enough')).status).toBe(404);

  await pm.client.post(`/api/rounds/${round.id}/assessments/self/submit`, { scores: scoresFor(round, 8) });
  await coach.client.post(`/api/rounds/${round.id}/assessments/coach/submit`, {
    scores: scoresFor(round, 6),
    nextBiggerChallenge: 'Run the Q3 planning',
  });

  const pmView = (await pm.client.get(`/api/rounds/${round.id}/comparison`)).body;
  expect(pmView.peerCount).toBe(1);
  expect(pmView.areas[0].peers).toBe(4);
  const coachView = (await coach.client.get(`/api/rounds/${round.id}/comparison`)).body;
  expect(coachView.peerCount).toBeNull();
  expect(coachView.areas.every((a: { peers: number | null }) => a.peers === null)).toBe(true);
  expect((await coach.client.get(`/api/pms/${pm.id}/history`)).body.areas[0].points[0].peers).toBeNull();
  expect((await coach.client.get(`/api/rounds/${round.id}`)).body.peers).toBeNull();

  await pm.client.put(`/api/rounds/${round.id}/peer-sharing`, { shared: true });
  expect((await coach.client.get(`/api/rounds/${round.id}/comparison`)).body.areas[0].peers).toBe(4);
  expect((await coach.client.get(`/api/pms/${pm.id}/history`)).body.areas[0].points[0].peers).toBe(4);

  const log = (await pm.client.get(`/api/pms/${pm.id}/access-log`)).body as {
    action: string;
    resource: string;
  }[];
  expect(
    log.some((e) => e.action === 'peer-review:submit' && e.resource === 'peer review by Sam from design'),
  ).toBe(true);
});

it('refuses a withdrawn peer link', async () => {
  const coach = await buildWorkspace(app);
  const pm = await buildPm(app, coach);
  const round = (await pm.client.post(`/api/pms/${pm.id}/rounds`, {})).body;
  const invited = (await pm.client.post(`/api/rounds/${round.id}/peers`, { name: 'Kim' })).body;
  expect((await pm.client.delete(`/api/rounds/${round.id}/peers/${invited.id}`)).status).toBe(200);
  const peer = new Client(app.url);
  await peer.start();
  const res = await peer.get(`/api/peer-reviews/${invited.link.split('/peer/')[1]}`);
  expect(res.status).toBe(410);
  expect((await pm.client.get(`/api/rounds/${round.id}/peers`)).body[0].status).toBe('revoked');
});

it('shows peers’ notes without names: to the PM from three peers on, to the coach only when shared', async () => {
  const coach = await buildWorkspace(app);
  const pm = await buildPm(app, coach);
  const round = (await pm.client.post(`/api/pms/${pm.id}/rounds`, {})).body;
  const answer = async (name: string, note: string) => {
    const link = (await pm.client.post(`/api/rounds/${round.id}/peers`, { name })).body.link as string;
    const peer = new Client(app.url);
    await peer.start();
    const res = await peer.post(`/api/peer-reviews/${link.split('/peer/')[1]}`, {
      scores: scoresFor(round, 6),
      notes: note ? { team: note } : {},
    });
    expect(res.status, res.text).toBe(200);
  };
  await answer('Sam', 'Zero drama in hard talks');
  await answer('Kim', 'Asks before deciding');
  await pm.client.post(`/api/rounds/${round.id}/assessments/self/submit`, { scores: scoresFor(round, 7) });
  await coach.client.post(`/api/rounds/${round.id}/assessments/coach/submit`, {
    scores: scoresFor(round, 6),
    nextBiggerChallenge: 'Run the Q3 planning',
  });
  const notesFor = async (who: Pick<typeof coach, 'client'>) => {
    const res = await who.client.get(`/api/rounds/${round.id}/comparison`);
    expect(res.status, res.text).toBe(200);
    return res.body.areas.find((a: { key: string }) => a.key === 'team').peerNotes as string[];
  };
  // Two peers: a note could point to one of them, so nobody sees any.
  expect(await notesFor(pm)).toEqual([]);
  await answer('Lee', '');
  // Three peers: the PM reads the words, sorted, with no names; the coach not yet.
  expect(await notesFor(pm)).toEqual(['Asks before deciding', 'Zero drama in hard talks']);
  const coachView = JSON.stringify((await coach.client.get(`/api/rounds/${round.id}/comparison`)).body);
  expect(coachView).not.toContain('Asks before deciding');
  const pmView = JSON.stringify((await pm.client.get(`/api/rounds/${round.id}/comparison`)).body);
  for (const name of ['Sam', 'Kim', 'Lee']) expect(pmView).not.toContain(name);
  await pm.client.put(`/api/rounds/${round.id}/peer-sharing`, { shared: true });
  expect(await notesFor(coach)).toEqual(['Asks before deciding', 'Zero drama in hard talks']);
});
