import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPm, buildRound, buildWorkspace, scoresFor, type Person } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Traits in words (issue 10): each side of a round writes a line per trait, never a score, with
 * its assessment; blind like the scores until the reveal, then both sides see both.
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

type Traits = {
  traits: { key: string; name: string; self: string | null; coach: string | null }[];
  visible: { self: boolean; coach: boolean };
  viewerSide: string | null;
};
const trait = (t: Traits, key: string) => t.traits.find((x) => x.key === key)!;

describe('traits in words', () => {
  it('are blind until the reveal, then both sides read both, beside the compared wheel', async () => {
    const pm = await buildPm(app, coach);
    const round = await buildRound(pm, coach, { submit: false });
    const path = `/api/pms/${pm.id}/rounds/${round.id}/traits`;
    const mine = await pm.client.put(path, {
      words: { curiosity: 'I ask why, but stop too early with Sales', empathy: 'Strong with users' },
    });
    expect(mine.status, mine.text).toBe(200);
    expect(mine.body.viewerSide).toBe('self');
    expect(trait(mine.body, 'curiosity')).toMatchObject({
      name: 'Curiosity',
      self: 'I ask why, but stop too early with Sales',
      coach: null,
    });
    // No score anywhere: only words.
    expect(JSON.stringify(mine.body)).not.toMatch(/"score"/);
    const theirs = await coach.client.put(path, { words: { curiosity: 'Digs into data before deciding' } });
    expect(theirs.body.viewerSide).toBe('coach');

    // Before the reveal: the coach does not see the PM's words, nor the PM the coach's.
    const coachView = (await coach.client.get(path)).body as Traits;
    expect(coachView.visible).toEqual({ self: false, coach: true });
    expect(trait(coachView, 'curiosity')).toMatchObject({
      self: null,
      coach: 'Digs into data before deciding',
    });
    expect(trait(coachView, 'empathy').self).toBeNull();
    const pmView = (await pm.client.get(path)).body as Traits;
    expect(trait(pmView, 'curiosity').coach).toBeNull();
    const roundPage = await coach.client.get(`/api/rounds/${round.id}/view`);
    expect(roundPage.status, roundPage.text).toBe(200);
    expect(roundPage.text).not.toContain('stop too early');

    // Both submit: the round is revealed, and both read both next to the compared wheel.
    for (const [who, side] of [
      [pm, 'self'],
      [coach, 'coach'],
    ] as const) {
      const res = await who.client.post(`/api/rounds/${round.id}/assessments/${side}/submit`, {
        scores: scoresFor(round, 6),
        ...(side === 'coach' ? { nextBiggerChallenge: 'Lead the H2 strategy planning' } : {}),
      });
      expect(res.status, res.text).toBe(200);
    }
    for (const who of [pm, coach]) {
      const view = (await who.client.get(`/api/rounds/${round.id}/view`)).body as {
        comparison: unknown;
        traits: Traits;
      };
      expect(view.comparison).not.toBeNull();
      expect(view.traits.visible).toEqual({ self: true, coach: true });
      expect(trait(view.traits, 'curiosity')).toMatchObject({
        self: 'I ask why, but stop too early with Sales',
        coach: 'Digs into data before deciding',
      });
    }
    // Submitted: the words stay as written.
    const late = await pm.client.put(path, { words: { curiosity: 'Changed my mind' } });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/already submitted/);
  });

  it('an empty line removes words; an unknown trait, another PM’s round or an outsider are refused', async () => {
    const pm = await buildPm(app, coach);
    const other = await buildPm(app, coach);
    const round = await buildRound(pm, coach, { submit: false });
    const path = `/api/pms/${pm.id}/rounds/${round.id}/traits`;
    await pm.client.put(path, { words: { ownership: 'Follow through' } });
    const cleared = await pm.client.put(path, { words: { ownership: '' } });
    expect(trait(cleared.body, 'ownership').self).toBeNull();
    const unknown = await pm.client.put(path, { words: { bravery: 'Bold' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/bravery is not a trait/);
    // The round is tied to its PM in the path: under another PM it does not exist.
    expect((await other.client.get(`/api/pms/${other.id}/rounds/${round.id}/traits`)).status).toBe(404);
    expect(
      (await other.client.put(`/api/pms/${pm.id}/rounds/${round.id}/traits`, { words: {} })).status,
    ).toBe(404);
    expect((await coach.client.get(`/api/pms/${other.id}/rounds/${round.id}/traits`)).status).toBe(404);
  });
});
