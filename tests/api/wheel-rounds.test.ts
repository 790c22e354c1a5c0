import { describe, expect, it } from 'vitest';
import { buildPm, buildRound, buildWorkspace, scoresFor } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

const app = useTestApp({ perTest: true });

async function pairUp() {
  const coach = await buildWorkspace(app);
  const pm = await buildPm(app, coach);
  return { coach, pm };
}

describe('a round', () => {
  it('saves drafts as they go, submits when complete, and reveals the comparison to both', async () => {
    const { coach, pm } = await pairUp();
    const round = (await pm.client.post(`/api/pms/${pm.id}/rounds`, { title: 'Q1 2026' })).body;
    expect(round).toMatchObject({
      title: 'Q1 2026',
      status: 'open',
      viewerSide: 'self',
      framework: { name: 'PMwheel', version: 1 },
    });
    expect(round.frameworkVersion.areas).toHaveLength(8);

    const [first, second] = round.frameworkVersion.areas[0].statements;
    await pm.client.put(`/api/rounds/${round.id}/assessments/self`, { scores: { [first.key]: 7 } });
    const saved = await pm.client.put(`/api/rounds/${round.id}/assessments/self`, {
      scores: { [second.key]: 9 },
      notes: { team: 'Hard month with sales.' },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      status: 'draft',
      scores: { [first.key]: 7, [second.key]: 9 },
      notes: { team: 'Hard month with sales.' },
      answered: 2,
    });

    const early = await pm.client.post(`/api/rounds/${round.id}/assessments/self/submit`);
    expect(early.status).toBe(400);
    expect(early.body.error.message).toMatch(/^scores: \d+ statement\(s\) not scored yet/);

    const selfSubmit = await pm.client.post(`/api/rounds/${round.id}/assessments/self/submit`, {
      scores: scoresFor(round, 8),
      nextBiggerChallenge: 'Own the pricing page',
    });
    expect(selfSubmit.body.status).toBe('submitted');
    expect(
      (await pm.client.put(`/api/rounds/${round.id}/assessments/self`, { scores: { [first.key]: 1 } }))
        .status,
    ).toBe(409);

    const noNbc = await coach.client.post(`/api/rounds/${round.id}/assessments/coach/submit`, {
      scores: scoresFor(round, 5),
    });
    expect(noNbc.status).toBe(400);
    expect(noNbc.body.error.message).toMatch(/^nextBiggerChallenge: is required/);
    // The refused submit kept the scores it carried.
    expect((await coach.client.get(`/api/rounds/${round.id}/assessments/coach`)).body.answered).toBe(
      round.frameworkVersion.areas.flatMap((a: any) => a.statements).length,
    );

    const coachSubmit = await coach.client.post(`/api/rounds/${round.id}/assessments/coach/submit`, {
      nextBiggerChallenge: 'Lead the H2 strategy planning',
    });
    expect(coachSubmit.status).toBe(200);

    for (const viewer of [pm, coach]) {
      const cmp = await viewer.client.get(`/api/rounds/${round.id}/comparison`);
      expect(cmp.status, cmp.text).toBe(200);
      expect(cmp.body.round.status).toBe('revealed');
      expect(cmp.body.areas[0]).toMatchObject({ self: 8, coach: 5 });
      expect(cmp.body.perceptionGaps[0]).toMatchObject({ higher: 'self', difference: 3 });
      expect(cmp.body.nextBiggerChallenge).toEqual({
        coach: 'Lead the H2 strategy planning',
        self: 'Own the pricing page',
      });
      expect(cmp.body.areas.find((a: any) => a.key === 'team').selfNote).toBe('Hard month with sales.');
    }
  });

  it('flags a dip after a later round, on both homes, with the PM note', async () => {
    const { coach, pm } = await pairUp();
    await buildRound(pm, coach, { self: 8 });
    await buildRound(pm, coach, { self: 8 });
    expect((await pm.client.get(`/api/pms/${pm.id}/dips`)).body).toEqual([]);
    await buildRound(pm, coach, {
      self: { team: 5 },
      selfNotes: { team: 'Conflict with the sales lead about the launch date.' },
    });
    for (const viewer of [pm, coach]) {
      const dips = await viewer.client.get(`/api/pms/${pm.id}/dips`);
      const team = dips.body.find((d: any) => d.areaKey === 'team');
      expect(team).toMatchObject({
        areaName: 'Team',
        score: 5,
        recentLevel: 8,
        drop: 3,
        note: 'Conflict with the sales lead about the launch date.',
      });
    }
    const history = (await coach.client.get(`/api/pms/${pm.id}/history`)).body;
    expect(history.rounds).toHaveLength(3);
    expect(history.areas.find((a: any) => a.key === 'team').points.map((p: any) => p.self)).toEqual([
      8, 8, 5,
    ]);
  });
});
