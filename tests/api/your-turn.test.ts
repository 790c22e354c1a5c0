import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveryKindInfo, type DeliveryKind } from '../../common/delivery-kinds.js';
import { producers } from '../../server/cadence.js';
import { runSweep } from '../../server/features/cadence/deliveries/outbox.js';
import { buildPm, buildWorkspace, scoresFor, type Person } from '../support/factories.js';
import { startSmtpServer } from '../support/smtp.js';
import { testEngine } from '../support/test-database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { startWebhookSink } from '../support/webhook-sink.js';

/**
 * Issue 21: your-turn notices, through the real sweep, a real SMTP server and a real webhook
 * receiver standing in for Slack and Teams. Each kind arrives once on each channel the person
 * chose, within one sweep; kinds turned off and quiet hours hold; a former coach hears nothing.
 */
const HOUR = 3_600_000;
const ZONE = 'Europe/Berlin';

interface Env {
  app: TestApp;
  smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  sink: Awaited<ReturnType<typeof startWebhookSink>>;
  clock: { now: Date };
}

const yourTurnKinds = Object.entries(deliveryKindInfo)
  .filter(([, info]) => info.yourTurn)
  .map(([kind]) => kind as DeliveryKind);
const kindOfNotice = (text: string) =>
  yourTurnKinds.find((k) => text.includes(deliveryKindInfo[k].notice.replace(/’/g, "'"))) ??
  yourTurnKinds.find((k) => text.includes(deliveryKindInfo[k].notice));

async function channelsFor(env: Env, person: Person, tag: string, over: Record<string, unknown> = {}) {
  const res = await person.client.put('/api/me/notifications', {
    email: true,
    slackUrl: `${env.sink.url}/slack/${tag}`,
    teamsUrl: `${env.sink.url}/teams/${tag}`,
    includeText: false,
    nudgeFrequency: 'weekly',
    quietHours: null,
    timeZone: ZONE,
    kindsOff: [],
    coachPromptDay: 1,
    ...over,
  });
  expect(res.status, res.text).toBe(200);
}

/** What reached each outside channel since a mark, as "channel tag kind" lines. */
function outsideSince(env: Env, mark: { mail: number; hooks: number }, tags: Map<string, string>) {
  const lines: string[] = [];
  for (const mail of env.smtp.inbox.slice(mark.mail)) {
    const body = mail.raw.replace(/=\r?\n/g, '').replace(/=E2=80=99/g, '’');
    lines.push(`email ${tags.get(mail.to[0]!)} ${kindOfNotice(body)}`);
  }
  for (const hook of env.sink.received.slice(mark.hooks)) {
    const [, channel, tag] = hook.path.split('/');
    const text =
      channel === 'slack' ? String(hook.body.text) : JSON.stringify(hook.body.attachments[0].content.body);
    lines.push(`${channel} ${tag} ${kindOfNotice(text)}`);
  }
  // Other producers (the weekly prompt on a Monday, reminders) also run; only your-turn kinds count here.
  return lines.filter((l) => !l.endsWith('undefined')).sort();
}

const everywhere = (tag: string, kind: DeliveryKind) => [
  `email ${tag} ${kind}`,
  `slack ${tag} ${kind}`,
  `teams ${tag} ${kind}`,
];

async function inboxKinds(person: Person) {
  const res = await person.client.get('/api/me/inbox');
  return (res.body.items as { kind: DeliveryKind }[])
    .map((i) => i.kind)
    .filter((k) => yourTurnKinds.includes(k));
}

async function startEnv(): Promise<Env> {
  const smtp = await startSmtpServer();
  const sink = await startWebhookSink();
  const clock = { now: new Date() };
  const app = await startTestApp({ smtpUrl: smtp.url, allowPrivateWebhooks: true, now: () => clock.now });
  return { app, smtp, sink, clock };
}

const sweep = (env: Env, app = env.app, instanceId = 'one') =>
  runSweep({ deps: app.deps, now: env.clock.now, producers, instanceId });

describe('your-turn notices', () => {
  let env: Env;
  let coach: Person;
  let pm: Person & { pairId: string };
  const tags = new Map<string, string>();
  let mark = { mail: 0, hooks: 0 };
  const setMark = () => {
    mark = { mail: env.smtp.inbox.length, hooks: env.sink.received.length };
  };
  /** One sweep after something happened: what reached the outside channels in it, and a second sweep adds nothing. */
  async function oneSweep() {
    setMark();
    await sweep(env);
    const got = outsideSince(env, mark, tags);
    setMark();
    await sweep(env);
    expect(outsideSince(env, mark, tags), 'a second sweep sends nothing again').toEqual([]);
    return got;
  }

  beforeAll(async () => {
    env = await startEnv();
    coach = await buildWorkspace(env.app);
    pm = await buildPm(env.app, coach, 'Pia PM');
    tags.set(coach.email, 'coach').set(pm.email, 'pm');
    await channelsFor(env, coach, 'coach');
    await channelsFor(env, pm, 'pm');
    await sweep(env);
  }, 60_000);
  afterAll(async () => {
    await env.app.close();
    await env.smtp.close();
    await env.sink.close();
  });

  it('a round: the other side hears it is their turn, then both hear of the reveal', async () => {
    const round = (await coach.client.post(`/api/pms/${pm.id}/rounds`, {})).body;
    const self = await pm.client.post(`/api/rounds/${round.id}/assessments/self/submit`, {
      scores: scoresFor(round, 6),
      notes: {},
    });
    expect(self.status, self.text).toBe(200);
    expect(await oneSweep()).toEqual(everywhere('coach', 'round-your-turn'));
    expect(await inboxKinds(coach)).toEqual(['round-your-turn']);
    expect(await inboxKinds(pm)).toEqual([]);

    const coachSide = await coach.client.post(`/api/rounds/${round.id}/assessments/coach/submit`, {
      scores: scoresFor(round, 5),
      nextBiggerChallenge: 'Lead the H2 planning',
    });
    expect(coachSide.status, coachSide.text).toBe(200);
    expect(await oneSweep()).toEqual(
      [...everywhere('coach', 'round-revealed'), ...everywhere('pm', 'round-revealed')].sort(),
    );
    const inbox = (await pm.client.get('/api/me/inbox')).body.items;
    const revealed = inbox.find((i: { kind: string }) => i.kind === 'round-revealed');
    expect(revealed).toMatchObject({ kind: 'round-revealed', link: `/rounds/${round.id}` });
    expect(revealed.title).toBe('Both sides are in: your wheel round with Ada Admin is revealed');
    // The link opens for the PM: the rules table lets them see what it shows.
    expect((await pm.client.get(`/api/rounds/${round.id}`)).status).toBe(200);
  });

  it('a plan: a suggestion made, accepted and declined; a comment (a private note stays silent)', async () => {
    const base = `/api/pms/${pm.id}/plan`;
    const plan = await pm.client.post(base, {
      headline: 'Grow',
      themes: [
        { title: 'Talk to users', areas: ['understand-the-problem'], actions: [{ text: 'Interviews' }] },
      ],
    });
    expect(plan.status, plan.text).toBe(200);
    const theme = plan.body.themes[0];
    const made = await coach.client.post(`${base}/suggestions`, {
      kind: 'new_action',
      themeId: theme.id,
      text: 'Shadow five sales calls',
      message: 'Sam is great',
    });
    expect(made.status, made.text).toBe(200);
    const second = await coach.client.post(`${base}/suggestions`, {
      kind: 'new_action',
      themeId: theme.id,
      text: 'Write a memo',
      message: 'Try it',
    });
    expect(await oneSweep()).toEqual(
      [...everywhere('pm', 'suggestion-made'), ...everywhere('pm', 'suggestion-made')].sort(),
    );

    const ids = second.body.suggestions.map((s: { id: string }) => s.id);
    expect((await pm.client.post(`${base}/suggestions/${ids[0]}/accept`)).status).toBe(200);
    expect(
      (await pm.client.post(`${base}/suggestions/${ids[1]}/decline`, { reason: 'Not now' })).status,
    ).toBe(200);
    expect(await oneSweep()).toEqual(
      [...everywhere('coach', 'suggestion-answered'), ...everywhere('coach', 'suggestion-answered')].sort(),
    );
    const titles = (await coach.client.get('/api/me/inbox')).body.items.map(
      (i: { title: string }) => i.title,
    );
    expect(titles).toContain('Pia PM accepted your suggestion');
    expect(titles).toContain('Pia PM declined your suggestion');

    expect((await coach.client.post(`${base}/comments`, { body: 'Strong theme.' })).status).toBe(200);
    expect((await coach.client.post(`${base}/comments`, { body: 'Mine only', private: true })).status).toBe(
      200,
    );
    expect((await pm.client.post(`${base}/comments`, { body: 'Thanks!' })).status).toBe(200);
    expect(await oneSweep()).toEqual(everywhere('pm', 'plan-comment'));
  });

  it('a shared vision proposal reaches the side that answers it', async () => {
    const res = await coach.client.post(`/api/pms/${pm.id}/vision/proposals`, {
      nextBiggerChallenge: 'Own the roadmap',
      careerDirection: 'Group PM',
    });
    expect(res.status, res.text).toBe(200);
    expect(await oneSweep()).toEqual(everywhere('pm', 'vision-proposal'));
    const items = (await pm.client.get('/api/me/inbox')).body.items as { kind: string; link: string }[];
    expect(items.filter((i) => i.kind === 'vision-proposal')).toEqual([
      expect.objectContaining({ link: `/pms/${pm.id}/vision` }),
    ]);
    expect((await pm.client.get(`/api/pms/${pm.id}/vision`)).status).toBe(200);
  });

  it('next steps from a coaching session reach both of its people when it ends', async () => {
    const local = new Date(env.clock.now.getTime() + 10 * 60_000).toLocaleString('sv-SE', { timeZone: ZONE });
    const scheduled = await coach.client.post(`/api/pms/${pm.id}/coaching-sessions`, {
      startsAt: local.slice(0, 16).replace(' ', 'T'),
      timeZone: ZONE,
      kind: 'monthly',
    });
    expect(scheduled.status, scheduled.text).toBe(200);
    const id = scheduled.body.id;
    const started = await coach.client.post(`/api/coaching-sessions/${id}/start`, {});
    expect(started.status, started.text).toBe(200);
    const plan = (await pm.client.get(`/api/pms/${pm.id}/plan`)).body.plan;
    const step = await pm.client.post(`/api/coaching-sessions/${id}/next-steps`, {
      text: 'Pitch the story',
      themeId: plan.themes[0].id,
    });
    expect(step.status, step.text).toBe(200);
    setMark();
    await sweep(env);
    expect(outsideSince(env, mark, tags).filter((l) => l.endsWith('session-next-steps'))).toEqual([]);
    expect((await coach.client.post(`/api/coaching-sessions/${id}/end`, {})).status).toBe(200);
    expect(await oneSweep()).toEqual(
      [...everywhere('coach', 'session-next-steps'), ...everywhere('pm', 'session-next-steps')].sort(),
    );
  });

  it('a coaching session scheduled, moved and cancelled reaches both people by mail, Slack and Teams', async () => {
    const scheduled = await coach.client.post(`/api/pms/${pm.id}/coaching-sessions`, {
      startsAt: '2031-03-11T10:00',
      timeZone: ZONE,
    });
    expect(scheduled.status, scheduled.text).toBe(200);
    const id = scheduled.body.id;
    const both = (kind: DeliveryKind) => [...everywhere('coach', kind), ...everywhere('pm', kind)].sort();
    expect(await oneSweep()).toEqual(both('session-scheduled'));
    const moved = await pm.client.patch(`/api/coaching-sessions/${id}`, { startsAt: '2031-03-12T10:00' });
    expect(moved.status, moved.text).toBe(200);
    expect(await oneSweep()).toEqual(both('session-moved'));
    const cancelled = await pm.client.post(`/api/coaching-sessions/${id}/cancel`, { reason: 'Off sick' });
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(await oneSweep()).toEqual(both('session-cancelled'));
  });

  it('a kind turned off reaches no channel, not even the inbox; quiet hours hold the outside channels', async () => {
    await channelsFor(env, pm, 'pm', { kindsOff: ['plan-comment'] });
    const before = (await inboxKinds(pm)).length;
    expect((await coach.client.post(`/api/pms/${pm.id}/plan/comments`, { body: 'Another' })).status).toBe(
      200,
    );
    expect(await oneSweep()).toEqual([]);
    expect((await inboxKinds(pm)).length).toBe(before);

    // Quiet from an hour ago to an hour from now (Berlin): the inbox at once, the rest afterwards.
    const hhmm = (ms: number) =>
      new Date(ms).toLocaleTimeString('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit' });
    const now = env.clock.now.getTime();
    await channelsFor(env, pm, 'pm', {
      kindsOff: ['plan-comment'],
      quietHours: { from: hhmm(now - HOUR), to: hhmm(now + HOUR) },
    });
    expect(
      (await coach.client.post(`/api/pms/${pm.id}/vision/proposals`, { nextBiggerChallenge: 'Lead a team' }))
        .status,
    ).toBe(200);
    expect(await oneSweep()).toEqual([]);
    expect((await inboxKinds(pm)).filter((k) => k === 'vision-proposal')).toHaveLength(2);
    env.clock.now = new Date(now + HOUR + 60_000);
    expect(await oneSweep()).toEqual(everywhere('pm', 'vision-proposal'));
  });
});

describe('the denied side: a notice never reaches someone who may not see its subject', () => {
  let env: Env;
  beforeAll(async () => {
    env = await startEnv();
  });
  afterAll(async () => {
    await env.app.close();
    await env.smtp.close();
    await env.sink.close();
  });

  it('a former coach hears nothing of the round, the vision or the plan after the pair ended', async () => {
    const coach = await buildWorkspace(env.app);
    const pm = await buildPm(env.app, coach, 'Pia PM');
    const tags = new Map([[coach.email, 'coach']]);
    await channelsFor(env, coach, 'coach');
    const round = (await coach.client.post(`/api/pms/${pm.id}/rounds`, {})).body;
    const plan = await pm.client.post(`/api/pms/${pm.id}/plan`, {
      headline: 'Grow',
      themes: [{ title: 'Users', areas: ['understand-the-problem'], actions: [] }],
    });
    expect(plan.status, plan.text).toBe(200);
    const made = await coach.client.post(`/api/pms/${pm.id}/plan/suggestions`, {
      kind: 'new_theme',
      title: 'Storytelling',
      message: 'Try it',
    });
    expect(made.status, made.text).toBe(200);
    await sweep(env);
    const mark = { mail: env.smtp.inbox.length, hooks: env.sink.received.length };
    expect((await pm.client.post(`/api/pairs/${pm.pairId}/end`, {})).status).toBe(200);

    await pm.client.post(`/api/rounds/${round.id}/assessments/self/submit`, {
      scores: scoresFor(round, 6),
      notes: {},
    });
    await pm.client.post(`/api/pms/${pm.id}/vision/proposals`, { nextBiggerChallenge: 'Own the roadmap' });
    await pm.client.post(`/api/pms/${pm.id}/plan/suggestions/${made.body.suggestions[0].id}/decline`, {
      reason: 'No',
    });
    await sweep(env);
    expect(outsideSince(env, mark, tags)).toEqual([]);
    expect(await inboxKinds(coach)).toEqual([]);
  });
});

describe.skipIf(testEngine() !== 'postgres')('two instances on one PostgreSQL', () => {
  it('sweeping at the same time still deliver each notice once on each channel', async () => {
    const env = await startEnv();
    const other = await startTestApp({
      smtpUrl: env.smtp.url,
      allowPrivateWebhooks: true,
      now: () => env.clock.now,
      databaseUrl: env.app.deps.config.databaseUrl,
    });
    try {
      const coach = await buildWorkspace(env.app);
      const tags = new Map([[coach.email, 'coach']]);
      await channelsFor(env, coach, 'coach');
      const rounds = [];
      for (let i = 0; i < 4; i++) {
        const pm = await buildPm(i % 2 ? other : env.app, coach, `PM ${i}`);
        tags.set(pm.email, `pm${i}`);
        await channelsFor(env, pm, `pm${i}`);
        const round = (await coach.client.post(`/api/pms/${pm.id}/rounds`, {})).body;
        await pm.client.post(`/api/rounds/${round.id}/assessments/self/submit`, {
          scores: scoresFor(round, 6),
          notes: {},
        });
        await pm.client.post(`/api/pms/${pm.id}/vision/proposals`, { nextBiggerChallenge: `Challenge ${i}` });
        rounds.push(round);
      }
      const mark = { mail: env.smtp.inbox.length, hooks: env.sink.received.length };
      await Promise.all([sweep(env, env.app, 'a'), sweep(env, other, 'b'), sweep(env, env.app, 'c')]);
      const got = outsideSince(env, mark, tags);
      const expected = [0, 1, 2, 3].flatMap(() => [
        ...everywhere('coach', 'round-your-turn'),
        ...everywhere('coach', 'vision-proposal'),
      ]);
      expect(got).toEqual(expected.sort());
    } finally {
      await other.close();
      await env.app.close();
      await env.smtp.close();
      await env.sink.close();
    }
  }, 60_000);
});
