import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { enqueueDelivery, runSweep, startSweeps } from '../../server/features/cadence/deliveries/outbox.js';
import { nudgePreferenceOf } from '../../server/features/cadence/deliveries/settings.js';
import type { DueDelivery } from '../../server/features/cadence/deliveries/due.js';
import { buildPm, buildWorkspace, type Person } from '../support/factories.js';
import { startSmtpServer } from '../support/smtp.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { startWebhookSink } from '../support/webhook-sink.js';

const settingsFor = (over: Record<string, unknown> = {}) => ({
  email: false,
  includeText: false,
  nudgeFrequency: 'weekly',
  quietHours: null,
  timeZone: 'Europe/Berlin',
  kindsOff: [],
  coachPromptDay: 1,
  ...over,
});

let seq = 0;
const due = (pm: Person, over: Partial<DueDelivery> = {}): DueDelivery => ({
  recipientId: pm.id,
  kind: 'nudge',
  key: `nudge:test-${++seq}`,
  title: 'A nudge from Ada',
  text: 'Secret coaching words about your stakeholder map',
  link: '/pms/x/timeline',
  ...over,
});

describe('with private webhooks allowed (a loopback sink stands in for Slack and Teams)', () => {
  let app: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let sink: Awaited<ReturnType<typeof startWebhookSink>>;
  let coach: Person;
  let pm: Person;
  const clock = new Date('2026-11-26T10:00:00Z');
  const sweep = (at: Date) =>
    runSweep({ deps: app.deps, now: at, producers: [], instanceId: 'test-instance' });

  beforeAll(async () => {
    smtp = await startSmtpServer();
    sink = await startWebhookSink();
    app = await startTestApp({ smtpUrl: smtp.url, allowPrivateWebhooks: true, now: () => clock });
    coach = await buildWorkspace(app);
    pm = await buildPm(app, coach);
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
    await sink.close();
  });

  it('starts with the inbox and email (mail is set up here), and validates what a person saves', async () => {
    const first = await pm.client.get('/api/me/notifications');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      email: { on: true, address: pm.email, mailConfigured: true },
      slack: { configured: false, masked: null },
      teams: { configured: false, masked: null },
      includeText: false,
      nudgeFrequency: 'weekly',
      failed: [],
    });
    const bad = [
      [{ timeZone: 'Mars/Olympus' }, /timeZone: is not a known time zone/],
      [{ quietHours: { from: '25:00', to: '07:00' } }, /quietHours.from: must be a time like 21:00/],
      [{ nudgeFrequency: 'hourly' }, /nudgeFrequency/],
      [{ coachPromptDay: 7 }, /coachPromptDay: must be 0 \(Sunday\) to 6/],
      [{ kindsOff: ['spam'] }, /kindsOff/],
      [{ kindsOff: ['nudge'] }, /kindsOff/],
      [{ slackUrl: 'not a url' }, /Slack webhook URL: is not a valid URL/],
      [{ teamsUrl: 'ftp://example.com/hook' }, /Teams webhook URL: must be an https:\/\/ address/],
      [
        { slackUrl: 'https://no-such-host.invalid/hook' },
        /Slack webhook URL: the host no-such-host.invalid could not be found/,
      ],
    ] as const;
    for (const [over, message] of bad) {
      const res = await pm.client.put('/api/me/notifications', settingsFor(over));
      expect(res.status, JSON.stringify(over)).toBe(400);
      expect(res.body.error.message).toMatch(message);
    }
    expect((await pm.client.get('/api/me/notifications')).body.slack.configured).toBe(false);
  });

  it('keeps webhook URLs secret: the answer shows host, an ellipsis and the last 4 characters', async () => {
    const res = await pm.client.put(
      '/api/me/notifications',
      settingsFor({
        email: true,
        slackUrl: `${sink.url}/slack/T0/B0/secretAbCd`,
        teamsUrl: `${sink.url}/teams/workflow/sig=zzzWxYz`,
        quietHours: { from: '22:00', to: '07:00' },
        nudgeFrequency: 'daily',
      }),
    );
    expect(res.status, res.text).toBe(200);
    const host = new URL(sink.url).host;
    expect(res.body.slack).toEqual({ configured: true, masked: `${host}…AbCd` });
    expect(res.body.teams).toEqual({ configured: true, masked: `${host}…WxYz` });
    expect(res.text).not.toContain('secret');
    const again = await pm.client.get('/api/me/notifications');
    expect(again.text).not.toContain('/slack/T0');
    // Saving without the URLs keeps them.
    const kept = await pm.client.put(
      '/api/me/notifications',
      settingsFor({ email: true, nudgeFrequency: 'daily', quietHours: { from: '22:00', to: '07:00' } }),
    );
    expect(kept.body.slack.configured).toBe(true);
    expect(await nudgePreferenceOf(app.deps.db, pm.id)).toEqual({
      frequency: 'daily',
      quietHours: { from: '22:00', to: '07:00' },
      timeZone: 'Europe/Berlin',
    });
  });

  it('sends a test on each channel at once and says how it went', async () => {
    const before = sink.received.length;
    const slack = await pm.client.post('/api/me/notifications/test', { channel: 'slack' });
    expect(slack.body).toEqual({ ok: true, message: 'Sent. Look for the test message in Slack.' });
    const teams = await pm.client.post('/api/me/notifications/test', { channel: 'teams' });
    expect(teams.body.ok).toBe(true);
    const mail = await pm.client.post('/api/me/notifications/test', { channel: 'email' });
    expect(mail.body.ok).toBe(true);
    expect(smtp.inbox.at(-1)?.to).toEqual([pm.email]);
    expect(smtp.inbox.at(-1)?.raw).toContain('Test from Wheelhouse');
    const got = sink.received.slice(before);
    expect(got.map((r) => r.path.split('/')[1])).toEqual(['slack', 'teams']);
    expect(got[0]!.body.blocks.length).toBeGreaterThan(0);
    expect(got[1]!.body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
  });

  it('answers a 404 from Slack with a clear message', async () => {
    const other = await buildPm(app, coach);
    await other.client.put('/api/me/notifications', settingsFor({ slackUrl: `${sink.url}/missing/hook` }));
    const res = await other.client.post('/api/me/notifications/test', { channel: 'slack' });
    expect(res.body).toEqual({ ok: false, message: 'Slack answered 404: check the webhook URL.' });
    const none = await other.client.post('/api/me/notifications/test', { channel: 'teams' });
    expect(none.body).toEqual({ ok: false, message: 'No Teams webhook is set: add one and save first.' });
  });

  it('delivers a nudge to the inbox and every channel, without its text unless allowed', async () => {
    await pm.client.put('/api/me/notifications', settingsFor({ email: true }));
    const before = sink.received.length;
    const mailsBefore = smtp.inbox.length;
    const at = new Date('2026-11-26T10:00:00Z');
    const delivery = due(pm);
    expect(await enqueueDelivery({ db: app.deps.db, now: at, delivery })).toBe(true);
    expect(await enqueueDelivery({ db: app.deps.db, now: at, delivery })).toBe(false);
    const result = await sweep(at);
    expect(result).toMatchObject({ claimed: 3, sent: 3, failed: 0 });
    expect((await sweep(at)).claimed).toBe(0);

    const hooks = sink.received.slice(before);
    expect(hooks.map((h) => h.path.split('/')[1]).sort()).toEqual(['slack', 'teams']);
    const teams = hooks.find((h) => h.path.startsWith('/teams'))!.body;
    expect(teams.type).toBe('message');
    const card = teams.attachments[0];
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
    expect(card.content.body[0].inlines[0].text).toBe('A nudge from Ada');
    expect(card.content.actions[0]).toEqual({
      type: 'Action.OpenUrl',
      title: 'Open in Wheelhouse',
      url: `${app.url}/pms/x/timeline`,
    });
    const slack = hooks.find((h) => h.path.startsWith('/slack'))!.body;
    expect(slack.text).toContain('A nudge from Ada');
    expect(slack.text).toContain(`${app.url}/pms/x/timeline`);
    for (const h of hooks) expect(JSON.stringify(h.body)).not.toContain('Secret coaching words');
    expect(smtp.inbox.length).toBe(mailsBefore + 1);
    expect(smtp.inbox.at(-1)!.raw).not.toContain('Secret coaching words');

    const inbox = await pm.client.get('/api/me/inbox');
    expect(inbox.body.items[0]).toMatchObject({
      title: 'A nudge from Ada',
      text: 'Secret coaching words about your stakeholder map',
      read: false,
    });
    expect((await pm.client.get('/api/me/inbox/unread-count')).body).toEqual({ unread: 1 });

    // Now the PM lets the text leave Wheelhouse.
    await pm.client.put('/api/me/notifications', settingsFor({ email: true, includeText: true }));
    const n = sink.received.length;
    await enqueueDelivery({ db: app.deps.db, now: at, delivery: due(pm, { text: 'Words allowed out' }) });
    await sweep(at);
    const withText = sink.received.slice(n);
    expect(withText).toHaveLength(2);
    for (const h of withText) expect(JSON.stringify(h.body)).toContain('Words allowed out');
    expect(smtp.inbox.at(-1)!.raw).toContain('Words allowed out');
  });

  it('sends names and nudges to Slack escaped and to Teams as plain text runs (issue 19, row 10)', async () => {
    await pm.client.put('/api/me/notifications', settingsFor({ includeText: true }));
    const n = sink.received.length;
    const at = new Date('2026-11-26T10:00:00Z');
    const delivery = due(pm, {
      title: 'A nudge from <!channel> <https://evil.test|Wheelhouse admin>',
      text: 'See [Wheelhouse admin](https://evil.test) & <!here>',
    });
    await enqueueDelivery({ db: app.deps.db, now: at, delivery });
    await sweep(at);
    const hooks = sink.received.slice(n);
    const slack = hooks.find((h) => h.path.startsWith('/slack'))!.body;
    expect(slack.text).not.toMatch(/<!|<https/);
    expect(slack.text).toContain('A nudge from &lt;!channel&gt; &lt;https://evil.test|Wheelhouse admin&gt;');
    expect(slack.text).toContain('See [Wheelhouse admin](https://evil.test) &amp; &lt;!here&gt;');
    const card = hooks.find((h) => h.path.startsWith('/teams'))!.body.attachments[0].content;
    const textBlocks = card.body.filter((b: { type: string }) => b.type === 'TextBlock');
    expect(JSON.stringify(textBlocks)).not.toContain('evil.test');
    expect(
      card.body
        .flatMap((b: { inlines?: { text: string }[] }) => b.inlines ?? [])
        .map((r: { text: string }) => r.text),
    ).toEqual([delivery.title, delivery.text]);
  });

  it('lists the inbox newest first, page by page, and marks read only one’s own', async () => {
    const reader = await buildPm(app, coach);
    const base = new Date('2026-11-20T08:00:00Z').getTime();
    for (let i = 0; i < 23; i++)
      await enqueueDelivery({
        db: app.deps.db,
        now: new Date(base + i * 60_000),
        delivery: due(reader, { title: `Reminder ${i}` }),
      });
    const first = await reader.client.get('/api/me/inbox');
    expect(first.body.items).toHaveLength(20);
    expect(first.body.items[0].title).toBe('Reminder 22');
    expect(first.body).toMatchObject({ hasMore: true, unread: 23 });
    const second = await reader.client.get('/api/me/inbox?page=2');
    expect(second.body.items.map((i: { title: string }) => i.title)).toEqual([
      'Reminder 2',
      'Reminder 1',
      'Reminder 0',
    ]);
    expect(second.body.hasMore).toBe(false);
    expect((await reader.client.get('/api/me/inbox?page=0')).status).toBe(400);

    // Someone else's ids change nothing.
    const theirs = (await pm.client.get('/api/me/inbox')).body.items[0].id;
    await reader.client.post('/api/me/inbox/read', { ids: [theirs] });
    expect((await pm.client.get('/api/me/inbox/unread-count')).body.unread).toBeGreaterThan(0);

    const read = await reader.client.post('/api/me/inbox/read', { ids: [first.body.items[0].id] });
    expect(read.body).toEqual({ unread: 22 });
    expect((await reader.client.post('/api/me/inbox/read', { all: true })).body).toEqual({ unread: 0 });
    expect((await reader.client.get('/api/me/inbox')).body.items[0].read).toBe(true);
    expect((await reader.client.post('/api/me/inbox/read', {})).status).toBe(400);
  });

  it('skips a kind the person turned off (but never a test)', async () => {
    const quiet = await buildPm(app, coach);
    await quiet.client.put('/api/me/notifications', settingsFor({ kindsOff: ['action-due'] }));
    const at = new Date('2026-11-26T10:00:00Z');
    expect(
      await enqueueDelivery({ db: app.deps.db, now: at, delivery: due(quiet, { kind: 'action-due' }) }),
    ).toBe(false);
    expect(
      await enqueueDelivery({ db: app.deps.db, now: at, delivery: due(quiet, { kind: 'session-tomorrow' }) }),
    ).toBe(true);
    expect(await enqueueDelivery({ db: app.deps.db, now: at, delivery: due(quiet, { kind: 'test' }) })).toBe(
      true,
    );
    const items = (await quiet.client.get('/api/me/inbox')).body.items;
    expect(items.map((i: { kind: string }) => i.kind).sort()).toEqual(['session-tomorrow', 'test']);
  });

  it('enqueues inside a caller’s transaction too, and nothing when that rolls back', async () => {
    const other = await buildPm(app, coach);
    const at = new Date('2026-11-26T10:00:00Z');
    await app.deps.db.transaction().execute(async (trx) => {
      expect(await enqueueDelivery({ db: trx, now: at, delivery: due(other, { title: 'Kept' }) })).toBe(true);
    });
    await app.deps.db
      .transaction()
      .execute(async (trx) => {
        await enqueueDelivery({ db: trx, now: at, delivery: due(other, { title: 'Rolled back' }) });
        throw new Error('the caller failed');
      })
      .catch(() => {});
    const items = (await other.client.get('/api/me/inbox')).body.items;
    expect(items.map((i: { title: string }) => i.title)).toEqual(['Kept']);
  });

  it('holds outside deliveries during the person’s quiet hours, then sends them', async () => {
    const sleeper = await buildPm(app, coach);
    await sleeper.client.put(
      '/api/me/notifications',
      settingsFor({ slackUrl: `${sink.url}/slack/sleeper`, quietHours: { from: '21:00', to: '07:00' } }),
    );
    // 23:30 in Berlin.
    const night = new Date('2026-11-26T22:30:00Z');
    await enqueueDelivery({
      db: app.deps.db,
      now: night,
      delivery: due(sleeper, { kind: 'session-tomorrow' }),
    });
    const count = () => sink.received.filter((r) => r.path === '/slack/sleeper').length;
    expect((await sweep(night)).claimed).toBe(0);
    expect((await sweep(new Date('2026-11-27T05:59:00Z'))).claimed).toBe(0);
    expect(count()).toBe(0);
    // The in-app copy is there at once.
    expect((await sleeper.client.get('/api/me/inbox/unread-count')).body.unread).toBe(1);
    await sweep(new Date('2026-11-27T06:00:00Z'));
    expect(count()).toBe(1);
  });

  it('retries a failing webhook with backoff, then shows it failed with the reason', async () => {
    const unlucky = await buildPm(app, coach);
    await unlucky.client.put(
      '/api/me/notifications',
      settingsFor({ slackUrl: `${sink.url}/missing/unlucky` }),
    );
    const t0 = new Date('2026-11-26T12:00:00Z');
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    await enqueueDelivery({
      db: app.deps.db,
      now: t0,
      delivery: due(unlucky, { title: 'Session tomorrow' }),
    });
    const hits = () => sink.received.filter((r) => r.path === '/missing/unlucky').length;

    expect((await sweep(t0)).retrying).toBe(1);
    expect(hits()).toBe(1);
    expect((await sweep(at(0.5))).claimed).toBe(0); // too early: 1 minute
    expect((await sweep(at(1))).retrying).toBe(1);
    expect((await sweep(at(5))).claimed).toBe(0); // waits 5 minutes from 1
    expect((await sweep(at(6))).retrying).toBe(1);
    expect((await sweep(at(35))).claimed).toBe(0); // waits 30 minutes from 6
    expect((await sweep(at(36))).retrying).toBe(1);
    expect((await sweep(at(155))).claimed).toBe(0); // waits 120 minutes from 36
    expect((await sweep(at(156))).failed).toBe(1);
    expect(hits()).toBe(5);
    expect((await sweep(at(10_000))).claimed).toBe(0);

    const settings = await unlucky.client.get('/api/me/notifications');
    expect(settings.body.failed).toEqual([
      expect.objectContaining({
        channel: 'slack',
        title: 'Session tomorrow',
        attempts: 5,
        reason: 'Slack answered 404: check the webhook URL',
      }),
    ]);
  });
});

describe('with private webhooks not allowed (the default)', () => {
  let app: TestApp;
  let sink: Awaited<ReturnType<typeof startWebhookSink>>;
  let coach: Person;
  beforeAll(async () => {
    sink = await startWebhookSink();
    app = await startTestApp();
    coach = await buildWorkspace(app);
  });
  afterAll(async () => {
    await app.close();
    await sink.close();
  });

  it('refuses a webhook on a private or loopback address, and plain http', async () => {
    const pm = await buildPm(app, coach);
    const port = new URL(sink.url).port;
    const cases = [
      [`https://127.0.0.1:${port}/slack`, /Slack webhook URL: points at this server itself \(loopback\)/],
      [`https://localhost:${port}/slack`, /Slack webhook URL: points at this server itself \(loopback\)/],
      ['https://10.0.0.7/hooks', /points at a private network address/],
      ['https://169.254.169.254/latest', /points at a link-local address/],
      ['https://[::1]/hooks', /loopback/],
      // Issue 19, row 16: IPv4 inside IPv6 forms, site-local, benchmarking, IETF assignments.
      [`https://[::127.0.0.1]:${port}/slack`, /loopback/],
      [`https://[::ffff:0:7f00:1]:${port}/slack`, /loopback/],
      [`https://[64:ff9b::7f00:1]:${port}/slack`, /loopback/],
      ['https://[fec0::1]/hooks', /points at a private network address/],
      ['https://198.18.0.1/hooks', /points at a reserved address/],
      ['https://192.0.0.1/hooks', /points at a reserved address/],
      [`${sink.url}/slack`, /Slack webhook URL: must be an https:\/\/ address/],
    ] as const;
    for (const [url, message] of cases) {
      const res = await pm.client.put('/api/me/notifications', settingsFor({ slackUrl: url }));
      expect(res.status, url).toBe(400);
      expect(res.body.error.message).toMatch(message);
      expect(res.text).not.toContain('/slack');
    }
    expect(sink.received).toEqual([]);

    // A row that points at loopback anyway (stored before the operator turned the switch off) is refused at send time.
    await app.deps.db
      .insertInto('notification_settings')
      .values({
        user_id: pm.id,
        email_on: 0,
        slack_url: `https://127.0.0.1:${port}/slack`,
        teams_url: null,
        include_text: 0,
        nudge_frequency: 'weekly',
        quiet_from: null,
        quiet_to: null,
        time_zone: 'UTC',
        kinds_off: '',
        coach_prompt_day: 1,
        updated_at: new Date().toISOString(),
      })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ slack_url: `https://127.0.0.1:${port}/slack` }))
      .execute();
    const now = new Date('2026-11-26T10:00:00Z');
    await enqueueDelivery({ db: app.deps.db, now, delivery: due(pm) });
    const result = await runSweep({ deps: app.deps, now, producers: [], instanceId: 'a' });
    expect(result.failed).toBe(1);
    expect(sink.received).toEqual([]);
    const settings = await pm.client.get('/api/me/notifications');
    expect(settings.body.failed[0].reason).toMatch(
      /^The Slack webhook points at this server itself \(loopback\)/,
    );
    const test = await pm.client.post('/api/me/notifications/test', { channel: 'slack' });
    expect(test.body.ok).toBe(false);
    expect(sink.received).toEqual([]);
  });

  it('runs what the producers return, once however often they return it', async () => {
    const pm = await buildPm(app, coach);
    const now = new Date('2026-11-26T10:00:00Z');
    const producer = async () => [
      due(pm, { key: 'session-tomorrow:s1', kind: 'session-tomorrow', title: 'Session with Ada tomorrow' }),
    ];
    const failing = async (): Promise<DueDelivery[]> => {
      throw new Error('broken producer');
    };
    const first = await runSweep({ deps: app.deps, now, producers: [failing, producer], instanceId: 'a' });
    const second = await runSweep({ deps: app.deps, now, producers: [producer], instanceId: 'b' });
    expect(first).toMatchObject({ produced: 1, enqueued: 1 });
    expect(second).toMatchObject({ produced: 1, enqueued: 0 });
    const items = (await pm.client.get('/api/me/inbox')).body.items;
    expect(items.map((i: { title: string }) => i.title)).toEqual(['Session with Ada tomorrow']);
  });

  it('the clock runs the sweep with croner until stopped', async () => {
    const pm = await buildPm(app, coach);
    let runs = 0;
    const producer = async () => {
      runs++;
      return [due(pm, { key: `clock:${pm.id}`, title: 'From the clock' })];
    };
    const stop = startSweeps({
      deps: { ...app.deps, config: { ...app.deps.config, sweepIntervalSeconds: 5 } },
      producers: [producer],
    });
    try {
      await vi.waitFor(() => expect(runs).toBe(1), { timeout: 4000, interval: 50 });
    } finally {
      stop();
    }
    const items = (await pm.client.get('/api/me/inbox')).body.items;
    expect(items.map((i: { title: string }) => i.title)).toEqual(['From the clock']);
  });
});
