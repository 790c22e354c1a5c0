import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildPm, buildRound, buildWorkspace, type Person } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { buildWorld } from '../support/world.js';
import { pmwheel } from '../../server/features/define-good/frameworks/pmwheel.js';

/**
 * The coaching question bank (issue 8): search and filters over built-in, shared and own
 * questions; own questions private or offered to the workspace, never seen by another
 * workspace; suggestions in the PM's own words from their lowest area and dips; a question
 * asked is not suggested again for 60 days.
 */
let app: TestApp;
let clock = new Date('2026-03-02T09:00:00.000Z');
const days = (n: number) => {
  clock = new Date(clock.getTime() + n * 86_400_000);
};
let coach: Person;
let pm: Person;
beforeAll(async () => {
  app = await startTestApp({ now: () => clock });
  coach = await buildWorkspace(app);
  pm = await buildPm(app, coach);
});
afterAll(async () => {
  await app.close();
});

interface Q {
  id: string;
  text: string;
  areas: string[];
  situations: string[];
  source: string;
  canEdit: boolean;
}
interface S {
  id: string;
  text: string;
  why: string;
}
const bank = async (who: Pick<Person, 'client'>, query = '') => {
  const res = await who.client.get(`/api/questions${query}`);
  expect(res.status, res.text).toBe(200);
  return res.body.questions as Q[];
};
const suggested = async (who: Person, of: Person, limit = 3) => {
  const res = await who.client.get(`/api/pms/${of.id}/questions/suggested?limit=${limit}`);
  expect(res.status, res.text).toBe(200);
  return res.body.questions as S[];
};

describe('the question bank', () => {
  it('finds questions by words, area and situation', async () => {
    const all = await bank(pm);
    expect(all.length).toBeGreaterThanOrEqual(85);
    expect(all.map((q) => q.text)).toContain(
      "What would make you more comfortable sharing 'bad news' with the Sales team?",
    );

    const found = await bank(pm, `?q=${encodeURIComponent('BAD news sales')}`);
    expect(found.map((q) => q.id)).toEqual(['seed-bad-news-sales']);

    const courage = await bank(pm, '?area=courage');
    expect(courage.length).toBeGreaterThanOrEqual(3);
    for (const q of courage) expect(q.areas).toContain('courage');

    const both = await bank(pm, '?area=team&situation=after-win');
    expect(both.length).toBeGreaterThan(0);
    for (const q of both) expect(q.areas.includes('team') && q.situations.includes('after-win')).toBe(true);
    expect(both.length).toBeLessThan(courage.length + 100);

    expect(await bank(pm, '?q=zzzqqq')).toEqual([]);
    const bad = await pm.client.get('/api/questions?situation=someday');
    expect(bad.status).toBe(400);
  });

  it('shows templated questions in plain words, never raw placeholders', async () => {
    for (const q of await bank(pm)) expect(q.text).not.toMatch(/\{[a-z+1]+\}/);
  });

  it('keeps an own question private, or offers it to the workspace; only its author changes it', async () => {
    const mine = await coach.client.post('/api/questions', {
      text: 'What did your last one-on-one with Sales teach you?',
      areas: ['listen-and-learn'],
      situations: ['stakeholders'],
      visibility: 'private',
    });
    expect(mine.status, mine.text).toBe(200);
    expect(mine.body).toMatchObject({ source: 'own', visibility: 'private', canEdit: true });
    const shared = await coach.client.post('/api/questions', {
      text: 'Which meeting could you cancel to make room for users?',
      areas: ['understand-the-problem'],
      visibility: 'workspace',
    });
    expect(shared.status, shared.text).toBe(200);

    const coachSees = await bank(coach, '?area=listen-and-learn&situation=stakeholders');
    expect(coachSees[0]).toMatchObject({ id: mine.body.id, source: 'own' });

    const pmSees = await bank(pm);
    expect(pmSees.map((q) => q.id)).not.toContain(mine.body.id);
    expect(pmSees.find((q) => q.id === shared.body.id)).toMatchObject({
      source: 'workspace',
      canEdit: false,
    });

    // The PM sees the shared one and is told why not; someone else's private one does not exist.
    const refused = await pm.client.patch(`/api/questions/${shared.body.id}`, { text: 'Changed by the PM?' });
    expect(refused.status).toBe(403);
    const hidden = await pm.client.patch(`/api/questions/${mine.body.id}`, { text: 'Changed by the PM?' });
    expect(hidden.status).toBe(404);
    expect((await pm.client.delete(`/api/questions/${mine.body.id}`)).status).toBe(404);
    expect((await pm.client.patch('/api/questions/seed-scale', { text: 'Changed?' })).status).toBe(403);

    const edited = await coach.client.patch(`/api/questions/${mine.body.id}`, {
      text: 'What did your last conversation with Sales teach you?',
      visibility: 'workspace',
    });
    expect(edited.status, edited.text).toBe(200);
    expect((await bank(pm, '?q=conversation with sales')).map((q) => q.id)).toEqual([mine.body.id]);

    expect((await coach.client.delete(`/api/questions/${mine.body.id}`)).status).toBe(200);
    expect((await bank(coach)).map((q) => q.id)).not.toContain(mine.body.id);
  });

  it('never shows a workspace’s questions to another workspace', async () => {
    const shared = await coach.client.post('/api/questions', {
      text: 'What is the story your roadmap tells?',
      visibility: 'workspace',
    });
    expect(shared.status).toBe(200);
    // Members of two other workspaces (an admin among them), signed in.
    const world = await buildWorld(app);
    for (const elsewhere of [world.people.outsider, world.people.coach]) {
      expect((await bank(elsewhere)).map((q) => q.id)).not.toContain(shared.body.id);
      expect((await bank(elsewhere, '?q=story your roadmap')).length).toBe(0);
      const patched = await elsewhere.client.patch(`/api/questions/${shared.body.id}`, { text: 'Mine now?' });
      expect(patched.status).toBe(404);
      expect((await elsewhere.client.delete(`/api/questions/${shared.body.id}`)).status).toBe(404);
    }
  });

  it('names areas as the framework in use now names them: a rename reaches the filters', async () => {
    const lead = await buildMember(app, coach, 'Lea Lead');
    const p = await buildPm(app, lead);
    const filterName = async (who: Person, key: string) => {
      const res = await who.client.get('/api/questions');
      expect(res.status, res.text).toBe(200);
      return (res.body.areas as { key: string; name: string }[]).find((a) => a.key === key)?.name;
    };
    expect(await filterName(lead, 'agile')).toBe('Agile');
    const [standard] = (await lead.client.get('/api/frameworks')).body;
    const copy = (await lead.client.post(`/api/frameworks/${standard.id}/copy`, { name: 'Ours' })).body;
    const rename = (version: number, name: string) =>
      lead.client.put(`/api/frameworks/${copy.id}`, {
        ...copy.current,
        baseVersion: version,
        areas: copy.current.areas.map((a: { key: string }) => (a.key === 'agile' ? { ...a, name } : a)),
      });
    expect((await rename(1, 'Ways of working')).status).toBe(200);
    const round = await lead.client.post(`/api/pms/${p.id}/rounds`, { frameworkId: copy.id });
    expect(round.status, round.text).toBe(200);
    expect(await filterName(lead, 'agile')).toBe('Ways of working');
    expect(await filterName(p, 'agile')).toBe('Ways of working');
    // Renamed again after the round started: the filters follow the framework, not the round's copy.
    expect((await rename(2, 'How we work')).status).toBe(200);
    expect(await filterName(p, 'agile')).toBe('How we work');
    expect(await filterName(p, 'team')).toBe('Team');
  });

  it('checks what is added', async () => {
    const res = await pm.client.post('/api/questions', { text: 'Hm', visibility: 'everyone' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/text|visibility/);
  });
});

describe('suggested questions', () => {
  it('use the PM’s own lowest area and score, for the PM and their coach, and are logged', async () => {
    const p = await buildPm(app, coach);
    await buildRound(p, coach, { self: { team: 3 }, coach: 6 });
    const [first] = await suggested(p, p);
    expect(first).toMatchObject({ id: 'seed-scale', why: 'Your lowest area: Team' });
    expect(first!.text).toBe(
      'On a scale of 1–10, how do you feel about Team? You said 3 last time; what would it take to make that a 4?',
    );
    expect((await suggested(coach, p))[0]!.text).toBe(first!.text);

    const log = await app.deps.db
      .selectFrom('access_log')
      .select(['actor_id', 'action', 'resource'])
      .where('pm_id', '=', p.id)
      .where('action', '=', 'questions:suggest')
      .execute();
    expect(log.map((l) => l.resource)).toContain('suggested questions');
    expect(log.map((l) => l.actor_id)).toContain(coach.id);
  });

  it('start from a dip in the last round', async () => {
    const p = await buildPm(app, coach);
    await buildRound(p, coach, { self: 8 });
    days(30);
    const dipped = Object.fromEntries(pmwheel.areas.map((a) => [a.key, a.key === 'planning' ? 4 : 8]));
    await buildRound(p, coach, { self: dipped });
    const chosen = await suggested(p, p, 5);
    expect(chosen[0]!.why).toBe('A dip in Planning last round');
    expect(chosen[0]!.text).toContain('Planning');
    expect(chosen.map((q) => q.why)).toContain('Your lowest area: Planning');
  });

  it('fill in the agreed next bigger challenge in the PM’s words', async () => {
    const p = await buildPm(app, coach);
    const proposed = await p.client.post(`/api/pms/${p.id}/vision/proposals`, {
      nextBiggerChallenge: 'Own the payments roadmap',
    });
    expect(proposed.status, proposed.text).toBe(200);
    const accepted = await coach.client.post(
      `/api/pms/${p.id}/vision/proposals/${proposed.body.proposal.id}/accept`,
      {},
    );
    expect(accepted.status, accepted.text).toBe(200);
    const texts = (await suggested(coach, p, 10)).map((q) => q.text);
    expect(texts.some((t) => t.includes('Own the payments roadmap'))).toBe(true);
  });

  it('start from a theme coloured red in the last coaching session, by its title', async () => {
    const p = await buildPm(app, coach);
    await buildRound(p, coach, { self: { team: 3 } });
    const plan = await p.client.post(`/api/pms/${p.id}/plan`, {
      headline: 'Closer to customers',
      themes: [
        { title: 'Talk to users every week', why: 'I build on guesses.', areas: ['understand-the-problem'] },
        { title: 'Share roadmap news early', why: 'Sales is surprised.', areas: ['listen-and-learn'] },
      ],
    });
    expect(plan.status, plan.text).toBe(200);
    const themes = plan.body.themes as { lineageId: string; title: string }[];
    expect((await suggested(p, p))[0]!.why).toBe('Your lowest area: Team');

    // A held coaching session coloured the second theme red (the PM's colour; the coach said amber).
    const sessionId = crypto.randomUUID();
    const at = clock.toISOString();
    await app.deps.db
      .insertInto('coaching_sessions')
      .values({
        id: sessionId,
        pm_id: p.id,
        coach_id: coach.id,
        kind: 'monthly',
        status: 'held',
        starts_at: at,
        local_start: at.slice(0, 16),
        time_zone: 'UTC',
        minutes: 60,
        created_by: coach.id,
        created_at: at,
        updated_at: at,
      } as never)
      .execute();
    for (const [side, colour] of [
      ['pm', 'red'],
      ['coach', 'amber'],
    ] as const)
      await app.deps.db
        .insertInto('session_theme_colours')
        .values({
          id: crypto.randomUUID(),
          session_id: sessionId,
          lineage_id: themes[1]!.lineageId,
          theme_id: null,
          theme_title: themes[1]!.title,
          side,
          colour,
          why: 'Sales heard it from a customer first.',
          set_by: side === 'pm' ? p.id : coach.id,
          set_at: at,
        })
        .execute();

    const chosen = await suggested(coach, p);
    expect(chosen[0]!.why).toBe('“Share roadmap news early” is red');
    expect(chosen[0]!.text).toContain('“Share roadmap news early”');
    expect(chosen[1]!.why).toBe('Your lowest area: Team');
  });

  it('offer good openers when nothing is known yet', async () => {
    const p = await buildPm(app, coach);
    const chosen = await suggested(p, p);
    expect(chosen).toHaveLength(3);
    for (const q of chosen) expect(q.text).not.toMatch(/\{|\[/);
  });

  it('are not suggested again for 60 days once asked', async () => {
    const p = await buildPm(app, coach);
    await buildRound(p, coach, { self: { agile: 2 } });
    const before = await suggested(coach, p, 3);
    const asked = await coach.client.post(`/api/pms/${p.id}/questions/asked`, {
      questionIds: before.map((q) => q.id),
    });
    expect(asked.status, asked.text).toBe(200);
    const after = await suggested(p, p, 3);
    expect(after).toHaveLength(3);
    for (const q of after) expect(before.map((b) => b.id)).not.toContain(q.id);
    expect(after[0]!.why).toBe('Your lowest area: Agile');

    days(59);
    expect((await suggested(p, p, 3)).map((q) => q.id)).not.toContain(before[0]!.id);
    days(2);
    expect((await suggested(p, p, 3)).map((q) => q.id)).toContain(before[0]!.id);
  });

  it('include questions shared in the workspace, never someone’s private one', async () => {
    const p = await buildPm(app, coach);
    await buildRound(p, coach, { self: { team: 2 } });
    const add = (text: string, visibility: string) =>
      coach.client.post('/api/questions', { text, areas: ['team'], situations: ['stuck'], visibility });
    expect((await add('Who in your team would you hire again, and why?', 'workspace')).status).toBe(200);
    expect((await add('Is the team lead hiding something from you?', 'private')).status).toBe(200);
    // The templates in the PM's own words come first; once asked, the team's own question is next.
    const asked = await p.client.post(`/api/pms/${p.id}/questions/asked`, {
      questionIds: ['seed-scale', 't-area-good-looks', 't-area-seven'],
    });
    expect(asked.status).toBe(200);
    for (const who of [p, coach]) {
      const chosen = await suggested(who, p, 3);
      const shared = chosen.find((q) => q.text === 'Who in your team would you hire again, and why?');
      expect(shared?.why).toBe('Your lowest area: Team');
      expect(chosen.map((q) => q.text)).not.toContain('Is the team lead hiding something from you?');
    }
  });

  it('refuse to mark unknown or someone else’s private questions as asked, storing nothing', async () => {
    const p = await buildPm(app, coach);
    const secret = await coach.client.post('/api/questions', { text: 'Just for me, what scares you?' });
    const count = async () =>
      (await app.deps.db.selectFrom('question_asked').select('id').where('pm_id', '=', p.id).execute())
        .length;
    expect((await p.client.post(`/api/pms/${p.id}/questions/asked`, { questionIds: ['nope'] })).status).toBe(
      400,
    );
    const other = await p.client.post(`/api/pms/${p.id}/questions/asked`, { questionIds: [secret.body.id] });
    expect(other.status).toBe(400);
    expect(await count()).toBe(0);
    const own = await coach.client.post(`/api/pms/${p.id}/questions/asked`, {
      questionIds: [secret.body.id, secret.body.id],
    });
    expect(own.status).toBe(200);
    expect(await count()).toBe(1);
    // Someone outside the pair: exactly like a missing PM.
    const member = await buildMember(app, coach);
    expect((await member.client.get(`/api/pms/${p.id}/questions/suggested`)).status).toBe(404);
  });
});
