import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dueCoachPrompts } from '../../server/features/cadence/nudges/coach-prompts.js';
import { buildMember, buildPm, buildRound, buildWorkspace, type Person } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { unseal } from '../../server/crypto/sealed-fields.js';

/**
 * Nudges (issue 9): a current coach sends a line between sessions within the PM's frequency
 * (paused, weekly, daily; exactly one per period however many race); the PM reacts and answers;
 * each sees only this pairing's nudges; they show on the timeline; the weekly coach prompt.
 */
let app: TestApp;
// Thursday 26 November 2026, 09:00 UTC (ISO week 48).
let clock = new Date('2026-11-26T09:00:00.000Z');
const setClock = (iso: string) => {
  clock = new Date(iso);
};
let admin: Person;
beforeAll(async () => {
  app = await startTestApp({ now: () => clock });
  admin = await buildWorkspace(app);
});
afterAll(async () => {
  await app.close();
});

/** The PM's nudge frequency, as their account page would set it (the deliveries feature's settings row). */
async function welcome(pm: Person, frequency: 'daily' | 'weekly' | 'paused', timeZone = 'UTC') {
  const { db } = app.deps;
  await db.deleteFrom('notification_settings').where('user_id', '=', pm.id).execute();
  await db
    .insertInto('notification_settings')
    .values({
      user_id: pm.id,
      email_on: 0,
      slack_url: null,
      teams_url: null,
      include_text: 0,
      nudge_frequency: frequency,
      quiet_from: null,
      quiet_to: null,
      time_zone: timeZone,
      kinds_off: '',
      coach_prompt_day: 1,
      updated_at: clock.toISOString(),
    })
    .execute();
}

/** What reached a person's inbox (the outbox's in-app rows, their text opened: it is stored encrypted). */
const inbox = async (userId: string) =>
  (
    await app.deps.db
      .selectFrom('deliveries')
      .select(['kind', 'key', 'title', 'text', 'link'])
      .where('recipient_id', '=', userId)
      .where('channel', '=', 'in-app')
      .orderBy('created_at')
      .orderBy('key')
      .execute()
  ).map((r) => ({ ...r, text: unseal(app.deps.db, 'deliveries.text', r.text) }));

const nudge = (coach: Person, pm: Person, text = 'How did the interview go?', about?: unknown) =>
  coach.client.post(`/api/pms/${pm.id}/nudges`, about ? { text, about } : { text });
const thread = async (who: Person, pm: Person, before?: string) => {
  const res = await who.client.get(
    `/api/pms/${pm.id}/nudges${before ? `?before=${encodeURIComponent(before)}` : ''}`,
  );
  return res;
};

async function pairWithPlan() {
  const coach = await buildMember(app, admin, 'Cora Coach');
  const pm = await buildPm(app, coach, 'Pia Park');
  const plan = await pm.client.post(`/api/pms/${pm.id}/plan`, {
    headline: 'Own discovery for onboarding',
    themes: [
      {
        title: 'Talk to users',
        why: 'I build on guesses.',
        areas: ['understand-the-problem'],
        actions: [
          { text: 'Lead three interviews solo', dueOn: '2026-11-27' },
          { text: 'Read “The Mom Test”', dueOn: '2027-02-01' },
        ],
      },
    ],
  });
  expect(plan.status, plan.text).toBe(200);
  return { coach, pm, plan: plan.body };
}

describe('sending a nudge', () => {
  it('a coach sends a short nudge about an action; the PM and the coach see it in the thread', async () => {
    const { coach, pm, plan } = await pairWithPlan();
    const action = plan.themes[0].actions[0];
    const sent = await nudge(coach, pm, '  Good luck with the first interview!  ', {
      kind: 'action',
      lineageId: action.lineageId,
    });
    expect(sent.status, sent.text).toBe(200);
    expect(sent.body).toMatchObject({
      text: 'Good luck with the first interview!',
      coach: { id: coach.id, name: 'Cora Coach' },
      about: { kind: 'action', lineageId: action.lineageId, title: 'Lead three interviews solo' },
      reaction: null,
      responses: [],
    });
    expect(await inbox(pm.id)).toEqual([
      {
        kind: 'nudge',
        key: `nudge:${sent.body.id}`,
        title: 'A nudge from Cora Coach',
        text: 'Good luck with the first interview!',
        link: `/pms/${pm.id}/nudges#nudge-${sent.body.id}`,
      },
    ]);
    const forPm = await thread(pm, pm);
    expect(forPm.status).toBe(200);
    expect(forPm.body.nudges.map((n: { text: string }) => n.text)).toEqual([
      'Good luck with the first interview!',
    ]);
    expect(forPm.body.welcome).toBeNull();
    const forCoach = await thread(coach, pm);
    expect(forCoach.body.nudges).toHaveLength(1);
    // Default: weekly; this week's is sent, the next is welcome on Monday 30 November (UTC).
    expect(forCoach.body.welcome).toMatchObject({
      frequency: 'weekly',
      lastNudgeAt: clock.toISOString(),
      nextWelcomeAt: '2026-11-30T00:00:00.000Z',
      pm: { id: pm.id, name: 'Pia Park' },
    });
    const log = await app.deps.db
      .selectFrom('access_log')
      .select(['actor_id', 'action', 'resource'])
      .where('pm_id', '=', pm.id)
      .where('action', 'like', 'nudge%')
      .execute();
    expect(log).toEqual(
      expect.arrayContaining([
        { actor_id: coach.id, action: 'nudge:send', resource: 'nudge' },
        { actor_id: pm.id, action: 'nudge:list', resource: 'nudges' },
        { actor_id: coach.id, action: 'nudge:list', resource: 'nudges' },
      ]),
    );
  });

  it('refuses a nudge that is too long, empty or about something not in the plan, with a message', async () => {
    const { coach, pm } = await pairWithPlan();
    const long = await nudge(coach, pm, 'x'.repeat(281));
    expect(long.status).toBe(400);
    expect(long.body.error.message).toMatch(/at most 280 characters/);
    expect((await nudge(coach, pm, '   ')).status).toBe(400);
    const stray = await nudge(coach, pm, 'Hi', { kind: 'theme', lineageId: crypto.randomUUID() });
    expect(stray.status).toBe(400);
    expect(stray.body.error.message).toMatch(/not a theme of the current plan/);
    expect((await thread(pm, pm)).body.nudges).toEqual([]);
  });

  it('the PM cannot send one (403 with a reason); a former coach and strangers get 404', async () => {
    const { coach, pm } = await pairWithPlan();
    const own = await nudge(pm, pm);
    expect(own.status).toBe(403);
    expect(own.body.error.message).toMatch(/react to and answer/);
    const stranger = await buildMember(app, admin);
    expect((await nudge(stranger, pm)).status).toBe(404);
    await pm.client.post(`/api/pairs/${pm.pairId}/end`, {});
    expect((await nudge(coach, pm)).status).toBe(404);
  });
});

describe('the PM’s frequency', () => {
  it('paused: the coach sees it before writing and a send is refused kindly (409)', async () => {
    const { coach, pm } = await pairWithPlan();
    await welcome(pm, 'paused');
    const ideas = await coach.client.get(`/api/pms/${pm.id}/nudge-ideas`);
    expect(ideas.body.welcome).toMatchObject({ frequency: 'paused', nextWelcomeAt: null, lastNudgeAt: null });
    const refused = await nudge(coach, pm);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      'Pia has paused nudges for now. Keep your thought for your next coaching session.',
    );
    expect((await thread(pm, pm)).body.nudges).toEqual([]);
    expect(await inbox(pm.id)).toEqual([]);
  });

  it('weekly: one per ISO week in the PM’s time zone; the 409 says when the next is welcome', async () => {
    const { coach, pm } = await pairWithPlan();
    await welcome(pm, 'weekly', 'Europe/Berlin');
    setClock('2026-11-26T09:00:00.000Z');
    expect((await nudge(coach, pm, 'First')).status).toBe(200);
    // Sunday 23:30 in Berlin: still week 48.
    setClock('2026-11-29T22:30:00.000Z');
    const again = await nudge(coach, pm, 'Second');
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe(
      'Pia welcomes one nudge a week, and this week’s is sent. The next is welcome from Monday 30 November.',
    );
    // Monday 00:30 in Berlin (Sunday 23:30 UTC): week 49.
    setClock('2026-11-29T23:30:00.000Z');
    expect((await nudge(coach, pm, 'Second')).status).toBe(200);
    expect((await thread(pm, pm)).body.nudges.map((n: { text: string }) => n.text)).toEqual([
      'Second',
      'First',
    ]);
    setClock('2026-11-26T09:00:00.000Z');
  });

  it('daily: one a day; another coach of the same PM has their own allowance', async () => {
    const { coach, pm } = await pairWithPlan();
    await welcome(pm, 'daily');
    expect((await nudge(coach, pm, 'Morning')).status).toBe(200);
    const again = await nudge(coach, pm, 'Evening');
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(
      /^Pia welcomes one nudge a day, and today’s is sent\. The next is welcome tomorrow/,
    );
    const second = await buildMember(app, admin, 'Sam Second');
    const offer = await second.client.post('/api/pairs', { pmId: pm.id });
    expect((await pm.client.post(`/api/pairs/${offer.body.id}/accept`, {})).status).toBe(200);
    setClock('2026-11-26T10:00:00.000Z');
    expect((await nudge(second, pm, 'Hello from Sam')).status).toBe(200);
    setClock('2026-11-27T09:00:00.000Z');
    expect((await nudge(coach, pm, 'Next day')).status).toBe(200);
    setClock('2026-11-26T09:00:00.000Z');
  });

  it('10 parallel sends for a weekly PM make exactly one nudge; the rest get 409', async () => {
    const { coach, pm } = await pairWithPlan();
    await welcome(pm, 'weekly');
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => nudge(coach, pm, `Race ${i}`)));
    expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(409)]);
    const rows = await app.deps.db.selectFrom('nudges').select('id').where('pm_id', '=', pm.id).execute();
    expect(rows).toHaveLength(1);
    expect((await inbox(pm.id)).map((d) => d.key)).toEqual([`nudge:${rows[0]!.id}`]);
  });
});

describe('reactions and answers', () => {
  it('the PM reacts and answers; the coach sees them; the coach cannot react', async () => {
    const { coach, pm } = await pairWithPlan();
    const sent = (await nudge(coach, pm, 'One small step today?')).body;
    const base = `/api/pms/${pm.id}/nudges/${sent.id}`;
    expect((await coach.client.post(`${base}/reaction`, { reaction: 'done' })).status).toBe(403);
    const reacted = await pm.client.post(`${base}/reaction`, { reaction: 'thanks' });
    expect(reacted.status, reacted.text).toBe(200);
    expect(reacted.body.reaction).toBe('thanks');
    const replied = await pm.client.post(`${base}/reply`, { text: 'Booked two interviews for Monday.' });
    expect(replied.status).toBe(200);
    const done = await pm.client.post(`${base}/reaction`, { reaction: 'done' });
    expect(done.body.reaction).toBe('done');
    const seen = (await thread(coach, pm)).body.nudges[0];
    expect(seen.reaction).toBe('done');
    expect(
      seen.responses.map((r: { n: number; reaction: string | null; text: string | null }) => [
        r.n,
        r.reaction,
        r.text,
      ]),
    ).toEqual([
      [1, 'thanks', null],
      [2, null, 'Booked two interviews for Monday.'],
      [3, 'done', null],
    ]);
    expect(await inbox(coach.id)).toEqual(
      [
        ['1', 'Pia reacted to your nudge', 'Thanks'],
        ['2', 'Pia answered your nudge', 'Booked two interviews for Monday.'],
        ['3', 'Pia reacted to your nudge', 'Done'],
      ].map(([n, title, text]) => ({
        kind: 'nudge-reply',
        key: `nudge-reply:${sent.id}:${n}`,
        title,
        text,
        link: `/pms/${pm.id}/nudges#nudge-${sent.id}`,
      })),
    );
    expect((await pm.client.post(`${base}/reaction`, { reaction: 'maybe' })).status).toBe(400);
    expect((await pm.client.post(`${base}/reply`, { text: 'y'.repeat(281) })).status).toBe(400);
    const missing = await pm.client.post(`/api/pms/${pm.id}/nudges/${crypto.randomUUID()}/reply`, {
      text: 'Hi',
    });
    expect(missing.status).toBe(404);
  });

  it('six answers at once: each is stored with its own number and reaches the coach once', async () => {
    const { coach, pm } = await pairWithPlan();
    const sent = (await nudge(coach, pm, 'Any news?')).body;
    const base = `/api/pms/${pm.id}/nudges/${sent.id}`;
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => pm.client.post(`${base}/reply`, { text: `Answer ${i}` })),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const responses = (await thread(coach, pm)).body.nudges[0].responses as { n: number; text: string }[];
    expect(responses.map((r) => r.n)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(responses.map((r) => r.text)).size).toBe(6);
    const replies = (await inbox(coach.id)).filter((d) => d.key.startsWith(`nudge-reply:${sent.id}:`));
    // Each answer's delivery carries that answer's own text: stored together, numbered together.
    expect(replies.map((d) => [d.key.split(':')[2], d.text]).sort()).toEqual(
      responses.map((r) => [String(r.n), r.text]).sort(),
    );
  });

  it('a nudge id of another PM is not found under this PM', async () => {
    const { coach, pm } = await pairWithPlan();
    const other = await buildPm(app, coach, 'Otto Other');
    const sent = (await nudge(coach, other, 'For Otto')).body;
    const res = await pm.client.post(`/api/pms/${pm.id}/nudges/${sent.id}/reaction`, { reaction: 'thanks' });
    expect(res.status).toBe(404);
    expect((await thread(other, other)).body.nudges[0].responses).toEqual([]);
  });
});

describe('who sees the thread', () => {
  it('an ended pair’s former coach and a new coach see none of the old coach’s nudges until the PM shares them; the PM sees all', async () => {
    const { coach, pm } = await pairWithPlan();
    await nudge(coach, pm, 'From the first coach');
    await app.deps.db
      .updateTable('pairs')
      .set({ status: 'ended', ended_at: clock.toISOString() })
      .where('pm_id', '=', pm.id)
      .where('coach_id', '=', coach.id)
      .execute();
    expect((await thread(coach, pm)).status).toBe(404);
    setClock('2026-11-30T09:00:00.000Z');
    const next = await buildMember(app, admin, 'Nia New');
    const offer = await next.client.post('/api/pairs', { pmId: pm.id });
    expect((await pm.client.post(`/api/pairs/${offer.body.id}/accept`, {})).status).toBe(200);
    const forNew = await thread(next, pm);
    expect(forNew.status).toBe(200);
    expect(forNew.body.nudges).toEqual([]);
    const oldId = (await thread(pm, pm)).body.nudges[0].id;
    expect(
      (await pm.client.post(`/api/pms/${pm.id}/nudges/${oldId}/reaction`, { reaction: 'thanks' })).status,
    ).toBe(200);
    // The former coach no longer hears about it.
    expect((await inbox(coach.id)).filter((d) => d.kind === 'nudge-reply')).toEqual([]);
    await nudge(next, pm, 'From the new coach');
    expect((await thread(next, pm)).body.nudges.map((n: { text: string }) => n.text)).toEqual([
      'From the new coach',
    ]);
    expect((await thread(pm, pm)).body.nudges.map((n: { text: string }) => n.text)).toEqual([
      'From the new coach',
      'From the first coach',
    ]);
    const timeline = await next.client.get(`/api/pms/${pm.id}/timeline`);
    expect(
      timeline.body.items
        .filter((i: { kind: string }) => i.kind === 'nudge')
        .map((i: { title: string }) => i.title),
    ).toEqual(['Nudge from Nia New: From the new coach']);
    // The PM shares the 'nudges' part of their history with the new coach: the old thread shows; revoked, it goes.
    const grants = `/api/pms/${pm.id}/history-grants/${next.id}`;
    expect((await pm.client.put(grants, { parts: ['nudges'] })).status).toBe(200);
    expect((await thread(next, pm)).body.nudges.map((n: { text: string }) => n.text)).toEqual([
      'From the new coach',
      'From the first coach',
    ]);
    expect((await pm.client.delete(grants)).status).toBe(200);
    expect((await thread(next, pm)).body.nudges.map((n: { text: string }) => n.text)).toEqual([
      'From the new coach',
    ]);
    setClock('2026-11-26T09:00:00.000Z');
  });

  it('the PM’s timeline shows the nudges with the reactions and answers', async () => {
    const { coach, pm } = await pairWithPlan();
    const sent = (await nudge(coach, pm, 'Proud of you')).body;
    await pm.client.post(`/api/pms/${pm.id}/nudges/${sent.id}/reaction`, { reaction: 'thanks' });
    await pm.client.post(`/api/pms/${pm.id}/nudges/${sent.id}/reply`, { text: 'Means a lot' });
    const timeline = await pm.client.get(`/api/pms/${pm.id}/timeline`);
    const item = timeline.body.items.find((i: { kind: string }) => i.kind === 'nudge');
    expect(item).toMatchObject({
      title: 'Nudge from Cora Coach: Proud of you',
      detail: 'Thanks · “Means a lot”',
      link: `/pms/${pm.id}/nudges#nudge-${sent.id}`,
    });
  });

  it('pages the thread 20 at a time, newest first', async () => {
    const { coach, pm } = await pairWithPlan();
    await welcome(pm, 'daily');
    for (let day = 1; day <= 22; day++) {
      setClock(`2027-01-${String(day).padStart(2, '0')}T09:00:00.000Z`);
      expect((await nudge(coach, pm, `Day ${day}`)).status).toBe(200);
    }
    const first = (await thread(pm, pm)).body;
    expect(first.nudges).toHaveLength(20);
    expect(first.nudges[0].text).toBe('Day 22');
    const second = (await thread(pm, pm, first.nextBefore)).body;
    expect(second.nudges.map((n: { text: string }) => n.text)).toEqual(['Day 2', 'Day 1']);
    expect(second.nextBefore).toBeNull();
    setClock('2026-11-26T09:00:00.000Z');
  });
});

describe('nudge ideas', () => {
  it('draws ideas from the plan (an action due this week) and "no nudge yet"; for the coach only', async () => {
    const { coach, pm, plan } = await pairWithPlan();
    const res = await coach.client.get(`/api/pms/${pm.id}/nudge-ideas`);
    expect(res.status, res.text).toBe(200);
    const kinds = res.body.ideas.map((i: { kind: string }) => i.kind);
    expect(kinds).toEqual(['action-due', 'quiet']);
    expect(res.body.ideas[0]).toMatchObject({
      why: 'Due Friday',
      about: { kind: 'action', lineageId: plan.themes[0].actions[0].lineageId },
      aboutTitle: 'Lead three interviews solo',
    });
    expect(res.body.ideas[0].text).toContain('Lead three interviews solo');
    expect((await pm.client.get(`/api/pms/${pm.id}/nudge-ideas`)).status).toBe(403);
    await nudge(coach, pm, 'Hi');
    const after = await coach.client.get(`/api/pms/${pm.id}/nudge-ideas`);
    expect(after.body.ideas.map((i: { kind: string }) => i.kind)).toEqual(['action-due']);
  });
});

describe('nudge ideas from the wheel', () => {
  it('a recent dip the coach may see becomes an idea', async () => {
    const { coach, pm } = await pairWithPlan();
    await buildRound(pm, coach, { self: 8, coach: 8 });
    await buildRound(pm, coach, { self: { 'understand-the-problem': 3 }, coach: 8 });
    const res = await coach.client.get(`/api/pms/${pm.id}/nudge-ideas`);
    const dip = res.body.ideas.find((i: { kind: string }) => i.kind === 'dip');
    expect(dip, res.text).toBeDefined();
    expect(dip.text).toMatch(/^Your wheel showed a dip in /);
  });
});

describe('the weekly coach prompt', () => {
  const promptsFor = async (coachId: string, at: string) =>
    (await dueCoachPrompts({ db: app.deps.db, now: new Date(at), config: app.deps.config })).filter(
      (d) => d.recipientId === coachId,
    );

  it('comes on the coach’s day (Monday by default), once per ISO week, and not for ended pairs', async () => {
    const { coach, pm } = await pairWithPlan();
    const other = await buildPm(app, coach, 'Quinn Quiet');
    // Thursday: not the day.
    expect(await promptsFor(coach.id, '2026-11-26T09:00:00.000Z')).toEqual([]);
    const monday = await promptsFor(coach.id, '2026-11-30T08:00:00.000Z');
    expect(monday).toHaveLength(1);
    expect(monday[0]).toMatchObject({
      kind: 'coach-weekly-prompt',
      key: `coach-weekly-prompt:${coach.id}:2026-W49`,
      title: 'Your weekly nudge ideas',
      link: '/',
    });
    expect(monday[0]!.text).toContain(`[Pia Park: 1 nudge idea](/pms/${pm.id}#nudge-ideas)`);
    expect(monday[0]!.text).toContain(`[Quinn Quiet: 1 nudge idea](/pms/${other.id}#nudge-ideas)`);
    // A later sweep the same day produces the same key (the outbox stores it once).
    const later = await promptsFor(coach.id, '2026-11-30T17:00:00.000Z');
    expect(later.map((d) => d.key)).toEqual([monday[0]!.key]);
    // The next Monday is a new week.
    expect((await promptsFor(coach.id, '2026-12-07T08:00:00.000Z'))[0]!.key).toBe(
      `coach-weekly-prompt:${coach.id}:2026-W50`,
    );
    // Ended pairs: no prompt at all.
    await app.deps.db
      .updateTable('pairs')
      .set({ status: 'ended' })
      .where('coach_id', '=', coach.id)
      .execute();
    expect(await promptsFor(coach.id, '2026-11-30T08:00:00.000Z')).toEqual([]);
  });

  it('follows the coach’s chosen day', async () => {
    const { coach } = await pairWithPlan();
    await welcome(coach, 'weekly');
    await app.deps.db
      .updateTable('notification_settings')
      .set({ coach_prompt_day: 4 } as never)
      .where('user_id', '=', coach.id)
      .execute();
    expect(await promptsFor(coach.id, '2026-11-30T08:00:00.000Z')).toEqual([]);
    expect(await promptsFor(coach.id, '2026-12-03T08:00:00.000Z')).toHaveLength(1);
    // 0 is Sunday, in the coach's time zone: Sunday 06:00 in Auckland is still Saturday in UTC.
    await app.deps.db
      .updateTable('notification_settings')
      .set({ coach_prompt_day: 0, time_zone: 'Pacific/Auckland' })
      .where('user_id', '=', coach.id)
      .execute();
    expect(await promptsFor(coach.id, '2026-12-05T17:00:00.000Z')).toHaveLength(1);
    expect(await promptsFor(coach.id, '2026-12-06T17:00:00.000Z')).toEqual([]);
  });
});
