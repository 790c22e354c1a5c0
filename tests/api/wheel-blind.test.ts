import { describe, expect, it } from 'vitest';
import { buildMember, buildPm, buildWorkspace, scoresFor, type Person } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

const app = useTestApp({ perTest: true });

const SECRET_NOTE = 'I feel stuck with the sales lead';
const SECRET_NBC = 'Run the pricing experiment';

/** Every read the API offers on a PM's wheel, as one person. */
async function everyRead(person: Person, pmId: string, roundId: string) {
  const paths = [
    `/api/pms/${pmId}/rounds`,
    `/api/rounds/${roundId}`,
    `/api/rounds/${roundId}/assessments/self`,
    `/api/rounds/${roundId}/assessments/coach`,
    `/api/rounds/${roundId}/comparison`,
    `/api/pms/${pmId}/history`,
    `/api/pms/${pmId}/dips`,
    `/api/pms/${pmId}/wheel/export`,
  ];
  const out: Record<string, { status: number; text: string }> = {};
  for (const path of paths) {
    const res = await person.client.get(path);
    out[path.replace(roundId, '{round}').replace(pmId, '{pm}')] = { status: res.status, text: res.text };
  }
  return out;
}

describe('the blind reveal', () => {
  it('hides each side from the other through every route until both submitted', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach);
    const round = (await coach.client.post(`/api/pms/${pm.id}/rounds`, {})).body;
    const selfScores = scoresFor(round, 9);
    await pm.client.put(`/api/rounds/${round.id}/assessments/self`, {
      scores: selfScores,
      notes: { team: SECRET_NOTE },
      nextBiggerChallenge: SECRET_NBC,
    });
    await coach.client.put(`/api/rounds/${round.id}/assessments/coach`, {
      scores: scoresFor(round, 3),
      notes: { team: 'Coach draft note' },
    });

    const check = async (stage: string) => {
      const coachSees = await everyRead(coach, pm.id, round.id);
      expect(coachSees['/api/rounds/{round}/assessments/self']!.status, stage).toBe(404);
      expect(coachSees['/api/rounds/{round}/comparison']!.status, stage).toBe(409);
      for (const [path, res] of Object.entries(coachSees)) {
        expect(res.text, `${stage}: ${path} leaks the PM's note`).not.toContain(SECRET_NOTE);
        expect(res.text, `${stage}: ${path} leaks the PM's NBC`).not.toContain(SECRET_NBC);
      }
      const pmSees = await everyRead(pm, pm.id, round.id);
      expect(pmSees['/api/rounds/{round}/assessments/coach']!.status, stage).toBe(404);
      for (const [path, res] of Object.entries(pmSees))
        expect(res.text, `${stage}: ${path} leaks the coach's draft`).not.toContain('Coach draft note');
      // The PM's own submitted side shows in their history at once (issue 10); the coach's never before the reveal.
      const pmHistory = JSON.parse(pmSees['/api/pms/{pm}/history']!.text);
      expect(pmHistory.rounds, stage).toEqual(
        stage === 'PM submitted' ? [expect.objectContaining({ id: round.id, revealedAt: null })] : [],
      );
      for (const area of pmHistory.areas)
        for (const point of area.points) expect(point, stage).toMatchObject({ self: 9, coach: null });
      const exported = JSON.parse(coachSees['/api/pms/{pm}/wheel/export']!.text);
      expect(exported.rounds[0].assessments.map((a: { side: string }) => a.side)).toEqual(['coach']);
      expect(exported.rounds[0].comparison).toBeNull();
    };
    await check('both drafting');
    await pm.client.post(`/api/rounds/${round.id}/assessments/self/submit`);
    await check('PM submitted');
    // The coach cannot write the PM's side, nor the PM the coach's.
    expect((await coach.client.put(`/api/rounds/${round.id}/assessments/self`, { scores: {} })).status).toBe(
      404,
    );
    expect((await pm.client.post(`/api/rounds/${round.id}/assessments/coach/submit`)).status).toBe(404);

    await coach.client.post(`/api/rounds/${round.id}/assessments/coach/submit`, {
      nextBiggerChallenge: 'Lead discovery for onboarding',
    });
    const revealed = await coach.client.get(`/api/rounds/${round.id}/assessments/self`);
    expect(revealed.body).toMatchObject({
      status: 'submitted',
      notes: { team: SECRET_NOTE },
      nextBiggerChallenge: SECRET_NBC,
    });
    expect((await pm.client.get(`/api/rounds/${round.id}/assessments/coach`)).body.notes.team).toBe(
      'Coach draft note',
    );
  });

  it('shows nothing to a former coach, an admin, or a coach who joined after the round', async () => {
    const admin = await buildWorkspace(app);
    const lead = await buildMember(app, admin, 'Lea Lead');
    const pm = await buildPm(app, lead);
    const round = (await lead.client.post(`/api/pms/${pm.id}/rounds`, {})).body;
    await pm.client.post(`/api/rounds/${round.id}/assessments/self/submit`, { scores: scoresFor(round, 7) });
    await lead.client.post(`/api/rounds/${round.id}/assessments/coach/submit`, {
      scores: scoresFor(round, 6),
      nextBiggerChallenge: 'Own the roadmap',
    });

    const newCoach = await buildMember(app, admin, 'Nico New');
    const offer = await newCoach.client.post('/api/pairs', { pmId: pm.id });
    await pm.client.post(`/api/pairs/${offer.body.id}/accept`);
    const pairs = (await pm.client.get('/api/pairs')).body as { id: string; coach: { id: string } }[];
    await pm.client.post(`/api/pairs/${pairs.find((p) => p.coach.id === lead.id)!.id}/end`);

    for (const [who, person] of [
      ['former coach', lead],
      ['admin', admin],
    ] as const) {
      for (const [path, res] of Object.entries(await everyRead(person, pm.id, round.id)))
        expect(res.status, `${who}: ${path}`).toBe(404);
    }
    const fresh = await everyRead(newCoach, pm.id, round.id);
    expect(fresh['/api/rounds/{round}']!.status).toBe(404);
    expect(fresh['/api/rounds/{round}/comparison']!.status).toBe(404);
    expect(JSON.parse(fresh['/api/pms/{pm}/rounds']!.text)).toEqual([]);
    expect(JSON.parse(fresh['/api/pms/{pm}/history']!.text).rounds).toEqual([]);
  });
});
