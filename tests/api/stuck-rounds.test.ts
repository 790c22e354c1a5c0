import { describe, expect, it } from 'vitest';
import { buildMember, buildPm, buildWorkspace, scoresFor } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

/** A round whose coach has left no longer blocks the PM (decision 038). */
const app = useTestApp({ perTest: true });

/** Cleo opens "Autumn secrets" for Pia and saves a draft; Pia submits; the pair ends; Cole pairs with Pia. */
async function stuckRound() {
  const cleo = await buildWorkspace(app);
  const pia = await buildPm(app, cleo, 'Pia PM');
  const opened = await cleo.client.post(`/api/pms/${pia.id}/rounds`, { title: 'Autumn secrets' });
  expect(opened.status, opened.text).toBe(200);
  const round = opened.body;
  const draft = await cleo.client.put(`/api/rounds/${round.id}/assessments/coach`, {
    scores: scoresFor(round, 3),
    nextBiggerChallenge: 'Cleo’s private guess',
  });
  expect(draft.status, draft.text).toBe(200);
  const traits = await cleo.client.get(`/api/pms/${pia.id}/rounds/${round.id}/traits`);
  const trait = traits.body.traits[0].key as string;
  const words = await cleo.client.put(`/api/pms/${pia.id}/rounds/${round.id}/traits`, {
    words: { [trait]: 'Cleo’s private words' },
  });
  expect(words.status, words.text).toBe(200);
  const self = await pia.client.post(`/api/rounds/${round.id}/assessments/self/submit`, {
    scores: scoresFor(round, 7),
    notes: {},
  });
  expect(self.status, self.text).toBe(200);
  expect((await pia.client.post(`/api/pairs/${pia.pairId}/end`)).status).toBe(200);
  const cole = await buildMember(app, cleo, 'Cole Coach');
  const offer = await cole.client.post('/api/pairs', { pmId: pia.id });
  expect((await pia.client.post(`/api/pairs/${offer.body.id}/accept`)).status).toBe(200);
  return { cleo, pia, cole, round };
}

describe('a round whose coach has left', () => {
  it('blocks a new round with a message that names nothing to the new coach', async () => {
    const { pia, cole } = await stuckRound();
    const byCole = await cole.client.post(`/api/pms/${pia.id}/rounds`, {});
    expect(byCole.status).toBe(409);
    expect(byCole.text).not.toContain('Autumn secrets');
    expect(byCole.body.error.message).toBe(
      'An earlier round is still open. The PM can close it or hand it to you before a new one starts.',
    );
    const byPia = await pia.client.post(`/api/pms/${pia.id}/rounds`, {});
    expect(byPia.status).toBe(409);
    expect(byPia.body.error.message).toContain('Autumn secrets');
    expect(byPia.body.error.message).toContain('its coach has left');
    const list = (await pia.client.get(`/api/pms/${pia.id}/rounds`)).body;
    expect(list[0]).toMatchObject({ title: 'Autumn secrets', status: 'open', coachLeft: true });
  });

  it('the PM closes it unrevealed: it stays in her list as closed, nobody sees a comparison, a new round starts', async () => {
    const { cleo, pia, cole, round } = await stuckRound();
    // Only the PM: the new coach cannot see it, the former coach is outside the pair.
    expect((await cole.client.post(`/api/rounds/${round.id}/close`)).status).toBe(404);
    expect((await cleo.client.post(`/api/rounds/${round.id}/close`)).status).toBe(404);
    const closed = await pia.client.post(`/api/rounds/${round.id}/close`);
    expect(closed.status, closed.text).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', revealedAt: null, coachLeft: false });
    expect((await pia.client.post(`/api/rounds/${round.id}/close`)).status).toBe(409);
    expect((await pia.client.get(`/api/rounds/${round.id}/comparison`)).status).not.toBe(200);
    expect((await pia.client.get(`/api/rounds/${round.id}/assessments/coach`)).status).toBe(404);
    const list = (await pia.client.get(`/api/pms/${pia.id}/rounds`)).body;
    expect(list.map((r: { title: string; status: string }) => [r.title, r.status])).toEqual([
      ['Autumn secrets', 'closed'],
    ]);
    const next = await cole.client.post(`/api/pms/${pia.id}/rounds`, { title: 'Winter' });
    expect(next.status, next.text).toBe(200);
    expect(
      (await cole.client.get(`/api/pms/${pia.id}/rounds`)).body.map((r: { title: string }) => r.title),
    ).toEqual(['Winter']);
    const log = await app.deps.db
      .selectFrom('access_log')
      .select(['action', 'resource'])
      .where('pm_id', '=', pia.id)
      .where('action', '=', 'round:close')
      .execute();
    expect(log).toEqual([
      { action: 'round:close', resource: 'round "Autumn secrets" closed without a reveal' },
    ]);
  });

  it('the PM hands it to a current coach: the coach side starts afresh, hers stays, and it can reveal', async () => {
    const { pia, cole, round } = await stuckRound();
    expect((await cole.client.post(`/api/rounds/${round.id}/hand-over`, { coachId: cole.id })).status).toBe(
      404,
    );
    const stranger = await pia.client.post(`/api/rounds/${round.id}/hand-over`, { coachId: pia.id });
    expect(stranger.status).toBe(400);
    const handed = await pia.client.post(`/api/rounds/${round.id}/hand-over`, { coachId: cole.id });
    expect(handed.status, handed.text).toBe(200);
    expect(handed.body).toMatchObject({
      coach: { id: cole.id },
      status: 'open',
      coachLeft: false,
      self: { submitted: true },
      coachSide: { submitted: false },
    });
    const coleDraft = await cole.client.get(`/api/rounds/${round.id}/assessments/coach`);
    expect(coleDraft.status, coleDraft.text).toBe(200);
    expect(coleDraft.text).not.toContain('Cleo’s private guess');
    const coleTraits = await cole.client.get(`/api/pms/${pia.id}/rounds/${round.id}/traits`);
    expect(coleTraits.status, coleTraits.text).toBe(200);
    expect(coleTraits.text).not.toContain('Cleo’s private words');
    expect(Object.keys(coleDraft.body.scores ?? {})).toEqual([]);
    const submitted = await cole.client.post(`/api/rounds/${round.id}/assessments/coach/submit`, {
      scores: scoresFor(round, 6),
      nextBiggerChallenge: 'Lead the H2 strategy planning',
    });
    expect(submitted.status, submitted.text).toBe(200);
    expect((await pia.client.get(`/api/rounds/${round.id}`)).body.status).toBe('revealed');
    // Not stuck any more: neither closed nor handed over again.
    expect((await pia.client.post(`/api/rounds/${round.id}/close`)).status).toBe(409);
  });

  it('a round whose coach still coaches the PM is not stuck', async () => {
    const cleo = await buildWorkspace(app);
    const pia = await buildPm(app, cleo, 'Pia PM');
    const round = (await cleo.client.post(`/api/pms/${pia.id}/rounds`, { title: 'Ongoing' })).body;
    expect((await pia.client.post(`/api/rounds/${round.id}/close`)).status).toBe(409);
    expect((await cleo.client.post(`/api/rounds/${round.id}/close`)).status).toBe(403);
    expect((await cleo.client.post(`/api/pms/${pia.id}/rounds`, {})).body.error.message).toContain('Ongoing');
  });
});
