import { describe, expect, it } from 'vitest';
import { buildMember, buildPm, buildRound, buildWorkspace, type Person } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

/**
 * History belongs to the PM (decision 038): tried as a new user would. Cleo coaches Pia: a plan
 * refreshed once, comments, a suggestion, vision proposals, a revealed round, a held session, a
 * check-in and a pulse. The pair ends; Cole pairs with Pia and reads everything, before and after
 * Pia shares her history, narrowed to one part, and revoked.
 */
const app = useTestApp({ perTest: true });

const today = () => new Date().toISOString().slice(0, 10);

async function ok<T = any>(res: Promise<{ status: number; text: string; body: T }>) {
  const r = await res;
  expect(r.status, r.text).toBe(200);
  return r.body;
}

/** Cleo's whole pairing with Pia, then Cole's new pairing. */
async function historyThenNewCoach() {
  const cleo = await buildWorkspace(app);
  const pia = await buildPm(app, cleo, 'Pia PM');
  const base = `/api/pms/${pia.id}`;
  const plan = await ok(
    pia.client.post(`${base}/plan`, {
      headline: 'Own discovery',
      themes: [{ title: 'Talk to users', why: '', actions: [{ text: 'Lead three interviews solo' }] }],
    }),
  );
  await ok(cleo.client.post(`${base}/plan/comments`, { body: 'Cleo on version one' }));
  await ok(pia.client.post(`${base}/vision/proposals`, { nextBiggerChallenge: 'Lead the H2 strategy' }));
  const vision = await ok(cleo.client.get(`${base}/vision`));
  await ok(cleo.client.post(`${base}/vision/proposals/${vision.proposal.id}/accept`));
  const round = await buildRound(pia, cleo, { title: 'Spring wheel' });
  await ok(
    pia.client.post(`${base}/check-ins`, {
      emotions: ['calm'],
      why: 'A good week with Cleo',
      private: false,
    }),
  );
  const areaKey = round.frameworkVersion.areas[0].key as string;
  await ok(pia.client.post(`${base}/pulses`, { key: areaKey, score: 6 }));
  const session = await ok(
    cleo.client.post(`${base}/coaching-sessions`, {
      startsAt: `${today()}T14:30`,
      timeZone: 'Europe/Berlin',
    }),
  );
  await ok(cleo.client.post(`/api/coaching-sessions/${session.id}/start`, {}));
  await ok(
    cleo.client.put(`/api/coaching-sessions/${session.id}/notes`, { body: 'We talked about Cleo things' }),
  );
  await ok(cleo.client.post(`/api/coaching-sessions/${session.id}/end`, {}));
  await ok(pia.client.post(`${base}/plan/refresh`, { headline: 'Own discovery, next quarter' }));
  await ok(cleo.client.post(`${base}/plan/comments`, { body: 'Cleo on version two' }));
  await ok(
    cleo.client.post(`${base}/plan/suggestions`, {
      kind: 'new_theme',
      title: 'Cleo’s theme',
      why: 'From Cleo',
      areas: [],
      traits: [],
      message: 'A suggestion from Cleo',
    }),
  );
  await ok(cleo.client.post(`${base}/vision/proposals`, { nextBiggerChallenge: 'Cleo’s open proposal' }));
  await ok(pia.client.post(`/api/pairs/${pia.pairId}/end`));

  const cole = await buildMember(app, cleo, 'Cole Coach');
  const offer = await ok(cole.client.post('/api/pairs', { pmId: pia.id }));
  await ok(pia.client.post(`/api/pairs/${offer.id}/accept`));
  return { cleo, pia, cole, base, round, session, planId: plan.id as string };
}

/** Everything Cole reads, in the words of what he would notice. */
async function whatColeSees(cole: Person, base: string, sessionId: string) {
  const { plan } = await ok(cole.client.get(`${base}/plan`));
  const vision = await ok(cole.client.get(`${base}/vision`));
  const sessions = await ok(cole.client.get(`${base}/coaching-sessions`));
  const timeline = await ok(cole.client.get(`${base}/timeline`));
  const home = await ok(cole.client.get('/api/home'));
  const checkIns = await ok(cole.client.get(`${base}/check-ins`));
  const pulses = await ok(cole.client.get(`${base}/pulses`));
  const rounds = await ok(cole.client.get(`${base}/rounds`));
  return {
    version1: (await cole.client.get(`${base}/plan/versions/1`)).status,
    versions: (await ok(cole.client.get(`${base}/plan/versions`))).map((v: { version: number }) => v.version),
    currentPlan: plan.headline as string,
    comments: plan.comments.map((c: { body: string }) => c.body),
    suggestions: plan.suggestions.map((s: { message: string }) => s.message),
    agreedVision: vision.agreed?.nextBiggerChallenge ?? null,
    openProposal: vision.proposal?.nextBiggerChallenge ?? null,
    visionHistory: vision.history.length as number,
    pastSessions: sessions.past.length as number,
    oldSession: (await cole.client.get(`/api/coaching-sessions/${sessionId}`)).status,
    timelineKinds: [...new Set(timeline.items.map((i: { kind: string }) => i.kind))].sort(),
    homeDips: home.coached[0].dips.length as number,
    homeOpenSuggestions: home.coached[0].plan.openSuggestions as number,
    checkIns: checkIns.checkIns.length as number,
    pulses: pulses.areas.flatMap((a: { pulses: unknown[] }) => a.pulses).length as number,
    rounds: rounds.map((r: { title: string }) => r.title),
  };
}

const nothingBefore = {
  version1: 404,
  versions: [2],
  currentPlan: 'Own discovery, next quarter',
  comments: [],
  suggestions: [],
  agreedVision: 'Lead the H2 strategy',
  openProposal: null,
  visionHistory: 1,
  pastSessions: 0,
  oldSession: 404,
  timelineKinds: [],
  homeDips: 0,
  homeOpenSuggestions: 0,
  checkIns: 0,
  pulses: 0,
  rounds: [],
};

const logOf = (pmId: string) =>
  app.deps.db
    .selectFrom('access_log')
    .select(['actor_id', 'action', 'resource'])
    .where('pm_id', '=', pmId)
    .orderBy('at')
    .orderBy('id')
    .execute();

describe('history before a pairing belongs to the PM', () => {
  it('a new coach sees nothing from before the pairing, everywhere, until the PM shares it', async () => {
    const { cleo, pia, cole, base, session } = await historyThenNewCoach();
    expect(await whatColeSees(cole, base, session.id)).toEqual(nothingBefore);

    // The former coach sees nothing at all once the pair ended.
    for (const path of [
      `${base}/plan`,
      `${base}/vision`,
      `${base}/plan/versions/1`,
      `${base}/history-grants`,
    ])
      expect((await cleo.client.get(path)).status).toBe(404);
    expect((await cleo.client.get(`/api/coaching-sessions/${session.id}`)).status).toBe(404);

    // Cole may read that nothing is shared with him, and cannot share it himself.
    const coleGrants = await ok(cole.client.get(`${base}/history-grants`));
    expect(coleGrants.coaches).toEqual([
      expect.objectContaining({ coach: expect.objectContaining({ id: cole.id }), parts: [], all: false }),
    ]);
    expect((await cole.client.put(`${base}/history-grants/${cole.id}`, { parts: ['wheel'] })).status).toBe(
      403,
    );

    // Pia shares all of it.
    const all = ['wheel', 'plan-history', 'comments', 'vision-history', 'sessions', 'check-ins', 'nudges'];
    const shared = await ok(pia.client.put(`${base}/history-grants/${cole.id}`, { parts: all }));
    expect(shared.coaches[0]).toMatchObject({ coach: { id: cole.id }, all: true, parts: all });
    const everything = await whatColeSees(cole, base, session.id);
    expect(everything).toMatchObject({
      version1: 200,
      versions: [2, 1],
      comments: ['Cleo on version two'],
      suggestions: ['A suggestion from Cleo'],
      openProposal: 'Cleo’s open proposal',
      visionHistory: 2,
      pastSessions: 1,
      oldSession: 200,
      homeDips: 0,
      homeOpenSuggestions: 1,
      checkIns: 1,
      pulses: 1,
      rounds: ['Spring wheel'],
    });
    expect(everything.timelineKinds).toEqual(
      expect.arrayContaining(['check-in', 'plan-refreshed', 'plan-started', 'pulse', 'round', 'session']),
    );
    const version1 = await ok(cole.client.get(`${base}/plan/versions/1`));
    expect(version1.comments.map((c: { body: string }) => c.body)).toEqual(['Cleo on version one']);
    const oldSession = await ok(cole.client.get(`/api/coaching-sessions/${session.id}`));
    expect(oldSession.sharedNotes).toBe('We talked about Cleo things');
    // Shared to read, not to work on: an earlier session stays Cleo's and Pia's.
    expect(
      (await cole.client.put(`/api/coaching-sessions/${session.id}/notes`, { body: 'Mine' })).status,
    ).toBe(404);

    // Narrowed to comments & suggestions only.
    await ok(pia.client.put(`${base}/history-grants/${cole.id}`, { parts: ['comments'] }));
    expect(await whatColeSees(cole, base, session.id)).toEqual({
      ...nothingBefore,
      comments: ['Cleo on version two'],
      suggestions: ['A suggestion from Cleo'],
      homeOpenSuggestions: 1,
    });

    // Revoked: nothing again.
    const revoked = await ok(pia.client.delete(`${base}/history-grants/${cole.id}`));
    expect(revoked.coaches[0]).toMatchObject({ parts: [], all: false, grantedAt: null });
    expect(await whatColeSees(cole, base, session.id)).toEqual(nothingBefore);

    // Each grant and the revoke are in Pia's access log, with whom and what.
    const entries = (await logOf(pia.id)).filter((e) => e.action.startsWith('history-grants:'));
    expect(entries.filter((e) => e.action !== 'history-grants:read')).toEqual([
      {
        actor_id: pia.id,
        action: 'history-grants:grant',
        resource: 'history shared with Cole Coach: all of it',
      },
      {
        actor_id: pia.id,
        action: 'history-grants:grant',
        resource: 'history shared with Cole Coach: comments & suggestions',
      },
      {
        actor_id: pia.id,
        action: 'history-grants:revoke',
        resource: 'history no longer shared with Cole Coach',
      },
    ]);
  });

  it('a new coach cannot act on what they cannot see: old comments, suggestions and proposals are missing', async () => {
    const { pia, cole, base } = await historyThenNewCoach();
    const { plan: pmPlan } = await ok(pia.client.get(`${base}/plan`));
    const cleoComment = pmPlan.comments.find((c: { body: string }) => c.body === 'Cleo on version two');
    const cleoSuggestion = pmPlan.suggestions[0];
    const pmVision = await ok(pia.client.get(`${base}/vision`));
    expect((await cole.client.delete(`${base}/plan/comments/${cleoComment.id}`)).status).toBe(404);
    expect((await cole.client.post(`${base}/plan/suggestions/${cleoSuggestion.id}/withdraw`)).status).toBe(
      404,
    );
    const accept = await cole.client.post(`${base}/vision/proposals/${pmVision.proposal.id}/accept`);
    expect(accept.status).toBe(404);
    // The PM still sees all of her history.
    expect(pmPlan.comments.map((c: { body: string }) => c.body)).toEqual(['Cleo on version two']);
    expect(pmVision.history).toHaveLength(2);
    expect((await pia.client.get(`${base}/plan/versions/1`)).status).toBe(200);
  });

  it('only a current coach can be granted; a grant ends with the pair', async () => {
    const { cleo, pia, cole, base } = await historyThenNewCoach();
    expect((await pia.client.put(`${base}/history-grants/${cleo.id}`, { parts: ['wheel'] })).status).toBe(
      404,
    );
    expect((await pia.client.put(`${base}/history-grants/${cole.id}`, { parts: ['nope'] })).status).toBe(400);
    await ok(pia.client.put(`${base}/history-grants/${cole.id}`, { parts: ['wheel'] }));
    expect((await ok(cole.client.get(`${base}/rounds`))).length).toBe(1);
    const pairs = await ok(pia.client.get('/api/pairs'));
    const colePair = pairs.find(
      (p: { coach: { id: string }; status: string }) => p.coach.id === cole.id && p.status === 'active',
    );
    await ok(pia.client.post(`/api/pairs/${colePair.id}/end`));
    const again = await ok(cole.client.post('/api/pairs', { pmId: pia.id }));
    await ok(pia.client.post(`/api/pairs/${again.id}/accept`));
    expect(await ok(cole.client.get(`${base}/rounds`))).toEqual([]);
  });
});

describe('sharing at once from two tabs', () => {
  it('eight parallel changes of what is shared all succeed, and what stays is exactly one of them', async () => {
    const cleo = await buildWorkspace(app);
    const pia = await buildPm(app, cleo, 'Pia PM');
    const base = `/api/pms/${pia.id}`;
    const choices = [
      ['wheel'],
      ['wheel', 'comments'],
      ['plan-history'],
      ['sessions', 'nudges'],
      ['check-ins'],
      ['vision-history', 'wheel'],
      ['comments'],
      ['wheel', 'plan-history', 'sessions'],
    ];
    const answers = await Promise.all(
      choices.map((parts) => pia.client.put(`${base}/history-grants/${cleo.id}`, { parts })),
    );
    expect(answers.map((a) => a.status)).toEqual(choices.map(() => 200));
    const now = (await ok(pia.client.get(`${base}/history-grants`))).coaches[0].parts as string[];
    expect(choices.map((c) => [...c].sort().join())).toContain([...now].sort().join());
  });
});
