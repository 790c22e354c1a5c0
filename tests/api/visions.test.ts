import { describe, expect, it } from 'vitest';
import { buildMember, buildPm, buildRound, buildWorkspace } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

const app = useTestApp({ perTest: true });

describe('the shared vision', () => {
  it('one side proposes, the other proposes a change, the first agrees; history stays readable', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach, 'Pat PM');
    const base = `/api/pms/${pm.id}/vision`;
    const empty = (await coach.client.get(base)).body;
    expect(empty).toMatchObject({
      agreed: null,
      proposal: null,
      lastRevisitedAt: null,
      revisitDueAt: null,
      revisitDue: false,
      history: [],
    });

    const first = await pm.client.post(`${base}/proposals`, {
      nextBiggerChallenge: 'Lead the pricing project',
      careerDirection: 'Head of product, maybe at a startup',
    });
    expect(first.body.proposal).toMatchObject({
      status: 'open',
      proposedBySide: 'pm',
      proposedBy: { id: pm.id },
    });
    expect(first.body.viewer).toEqual({ side: 'pm', canAccept: false, canWithdraw: true });
    const own = await pm.client.post(`${base}/proposals/${first.body.proposal.id}/accept`);
    expect(own.status).toBe(403);

    const seen = (await coach.client.get(base)).body;
    expect(seen.viewer).toEqual({ side: 'coach', canAccept: true, canWithdraw: false });
    const counter = await coach.client.post(`${base}/proposals`, {
      nextBiggerChallenge: 'Lead pricing with the sales team',
      careerDirection: 'Head of product, maybe at a startup',
      note: 'Sales must be in it.',
    });
    expect(
      counter.body.history.map((v: { status: string; proposedBySide: string }) => [
        v.proposedBySide,
        v.status,
      ]),
    ).toEqual([
      ['coach', 'open'],
      ['pm', 'replaced'],
    ]);
    expect((await pm.client.post(`${base}/proposals/${first.body.proposal.id}/accept`)).status).toBe(409);

    const agreed = await pm.client.post(`${base}/proposals/${counter.body.proposal.id}/accept`);
    expect(agreed.body).toMatchObject({
      proposal: null,
      agreed: {
        nextBiggerChallenge: 'Lead pricing with the sales team',
        status: 'agreed',
        proposedBy: { id: coach.id },
        decidedBy: { id: pm.id },
      },
      revisitDue: false,
    });
    expect(Date.parse(agreed.body.revisitDueAt) - Date.parse(agreed.body.lastRevisitedAt)).toBe(
      90 * 86_400_000,
    );

    // A quarter later the pair revisits: a new proposal, agreed again; the earlier agreement stays in the history.
    await app.deps.db
      .updateTable('vision_proposals')
      .set({ decided_at: new Date(Date.now() - 100 * 86_400_000).toISOString() })
      .where('status', '=', 'agreed')
      .execute();
    expect((await coach.client.get(base)).body.revisitDue).toBe(true);
    const next = await coach.client.post(`${base}/proposals`, {
      nextBiggerChallenge: 'Own pricing end to end',
      careerDirection: 'Head of product',
    });
    const again = await pm.client.post(`${base}/proposals/${next.body.proposal.id}/accept`);
    expect(again.body.agreed.nextBiggerChallenge).toBe('Own pricing end to end');
    expect(again.body.revisitDue).toBe(false);
    expect(again.body.history.map((v: { status: string }) => v.status)).toEqual([
      'agreed',
      'agreed',
      'replaced',
    ]);
  });

  it('only the proposer withdraws; a proposal needs some content', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach);
    const base = `/api/pms/${pm.id}/vision`;
    expect(
      (await coach.client.post(`${base}/proposals`, { nextBiggerChallenge: ' ' })).body.error.message,
    ).toBe('nextBiggerChallenge: is required (or a career direction)');
    const made = await coach.client.post(`${base}/proposals`, { careerDirection: 'Product coach one day' });
    expect((await pm.client.post(`${base}/proposals/${made.body.proposal.id}/withdraw`)).status).toBe(403);
    const withdrawn = await coach.client.post(`${base}/proposals/${made.body.proposal.id}/withdraw`);
    expect(withdrawn.body).toMatchObject({
      proposal: null,
      agreed: null,
      history: [{ status: 'withdrawn', decidedBy: { id: coach.id } }],
    });
  });

  it('starts from the Next Bigger Challenge of the latest revealed round, and stays private', async () => {
    const admin = await buildWorkspace(app);
    const coach = await buildMember(app, admin, 'Cora Coach');
    const other = await buildMember(app, admin);
    const pm = await buildPm(app, coach);
    await buildRound(pm, coach);
    const vision = (await pm.client.get(`/api/pms/${pm.id}/vision`)).body;
    expect(vision.latestRound).toMatchObject({ coach: 'Lead the H2 strategy planning', self: null });
    await coach.client.post(`/api/pms/${pm.id}/vision/proposals`, {
      nextBiggerChallenge: 'Lead the H2 strategy planning',
    });
    await pm.client.post(`/api/pairs/${pm.pairId}/end`);
    for (const who of [coach, other, admin]) {
      expect((await who.client.get(`/api/pms/${pm.id}/vision`)).status).toBe(404);
      expect(
        (await who.client.post(`/api/pms/${pm.id}/vision/proposals`, { nextBiggerChallenge: 'x' })).status,
      ).toBe(404);
    }
  });
});
