import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DueDelivery } from '../../server/features/cadence/deliveries/due.js';
import { enqueueDelivery, runSweep } from '../../server/features/cadence/deliveries/outbox.js';
import { buildPm, buildWorkspace, type Person } from '../support/factories.js';
import {
  decryptPush,
  makeBrowserKeys,
  startPushEndpoint,
  vapidSignatureValid,
  type BrowserKeys,
} from '../support/push-endpoint.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Web Push as a notice channel (issue 22, decision 061): a real push service on loopback gets
 * the server's encrypted message and the test decrypts it with the browser's keys made here.
 */
const settingsFor = (over: Record<string, unknown> = {}) => ({
  email: false,
  includeText: false,
  nudgeFrequency: 'weekly',
  quietHours: null,
  timeZone: 'UTC',
  kindsOff: [],
  coachPromptDay: 1,
  ...over,
});

let seq = 0;
const due = (pm: Person, over: Partial<DueDelivery> = {}): DueDelivery => ({
  recipientId: pm.id,
  kind: 'nudge',
  key: `nudge:push-${++seq}`,
  title: 'A nudge from Ada',
  text: 'Secret coaching words about your stakeholder map',
  link: '/pms/x/timeline',
  ...over,
});

describe('Web Push (a loopback push service stands in for the browser vendor’s)', () => {
  let app: TestApp;
  let service: Awaited<ReturnType<typeof startPushEndpoint>>;
  let coach: Person;
  let pm: Person;
  const clock = new Date('2026-11-26T10:00:00Z');
  const sweep = (at = clock) => runSweep({ deps: app.deps, now: at, producers: [], instanceId: 'test' });
  const subscribe = (
    person: Person,
    path: string,
    browser: BrowserKeys,
    over: Record<string, unknown> = {},
  ) =>
    person.client.put('/api/me/push/subscription', {
      endpoint: `${service.url}${path}`,
      keys: browser.keys,
      ...over,
    });
  const browsersOf = (person: Person) =>
    app.deps.db
      .selectFrom('push_subscriptions')
      .select(['endpoint', 'show_text'])
      .where('user_id', '=', person.id)
      .orderBy('endpoint')
      .execute();
  /** What the browser shows: the message the push service got on that path, decrypted. */
  const opened = (path: string, browser: BrowserKeys) => {
    const got = service.received.filter((r) => r.path === path);
    expect(got).toHaveLength(1);
    return JSON.parse(decryptPush(got[0]!.body, browser)) as Record<string, unknown>;
  };

  beforeAll(async () => {
    service = await startPushEndpoint();
    app = await startTestApp({ allowPrivateWebhooks: true, now: () => clock });
    coach = await buildWorkspace(app);
    pm = await buildPm(app, coach);
  });
  afterAll(async () => {
    await app.close();
    await service.close();
  });

  it('answers one public VAPID key for the installation, and refuses a subscription that cannot work', async () => {
    const first = await pm.client.get('/api/me/push/key');
    expect(first.status).toBe(200);
    expect(Buffer.from(first.body.publicKey, 'base64url')).toHaveLength(65);
    expect((await coach.client.get('/api/me/push/key')).body.publicKey).toBe(first.body.publicKey);

    const browser = makeBrowserKeys();
    const bad = [
      [{ endpoint: 'ftp://push.example.com/x' }, /^endpoint: must be an https:\/\/ address/],
      [{ endpoint: '' }, /^endpoint: is required/],
      [{ keys: { ...browser.keys, p256dh: 'AAAA' } }, /^keys.p256dh: is not a P-256 public key/],
      [{ keys: { ...browser.keys, auth: 'not base64!' } }, /^keys.auth: must be base64url/],
    ] as const;
    for (const [over, message] of bad) {
      const res = await pm.client.put('/api/me/push/subscription', {
        endpoint: `${service.url}/refused`,
        keys: browser.keys,
        ...over,
      });
      expect(res.status, JSON.stringify(over)).toBe(400);
      expect(res.body.error.message).toMatch(message);
    }
    expect(await browsersOf(pm)).toEqual([]);
  });

  it('sends a title and a link only, encrypted for the browser and signed; the text only where chosen', async () => {
    const phone = makeBrowserKeys();
    const laptop = makeBrowserKeys();
    expect((await subscribe(pm, '/phone', phone)).body).toEqual({ on: true, showText: false });
    expect((await subscribe(pm, '/laptop', laptop, { showText: true })).body).toEqual({
      on: true,
      showText: true,
    });
    await enqueueDelivery({ db: app.deps.db, now: clock, delivery: due(pm) });
    const result = await sweep();
    expect(result).toMatchObject({ sent: 1, failed: 0, retrying: 0 });

    expect(opened('/phone', phone)).toEqual({ title: 'A nudge from Ada', link: '/pms/x/timeline' });
    expect(opened('/laptop', laptop)).toEqual({
      title: 'A nudge from Ada',
      link: '/pms/x/timeline',
      text: 'Secret coaching words about your stakeholder map',
    });
    // Nobody but the browser can read it: the words are not in what the push service got.
    const raw = service.received.map((r) => r.body.toString('latin1')).join('');
    expect(raw).not.toContain('Secret coaching words');
    expect(raw).not.toContain('A nudge from Ada');

    const { headers } = service.received[0]!;
    expect(headers['content-encoding']).toBe('aes128gcm');
    expect(Number(headers.ttl)).toBeGreaterThan(0);
    const vapid = vapidSignatureValid(String(headers.authorization));
    expect(vapid).toEqual({
      valid: true,
      audience: service.url,
      key: (await pm.client.get('/api/me/push/key')).body.publicKey,
    });

    // Sent once: a second sweep sends nothing more.
    await sweep();
    expect(service.received).toHaveLength(2);
    // A browser that is refreshed keeps its choice; choosing again changes it.
    expect((await subscribe(pm, '/laptop', laptop)).body).toEqual({ on: true, showText: true });
    expect((await subscribe(pm, '/laptop', laptop, { showText: false })).body.showText).toBe(false);
    expect(
      (await pm.client.post('/api/me/push/unsubscribe', { endpoint: `${service.url}/laptop` })).body,
    ).toEqual({
      on: false,
      showText: false,
    });
    expect(await browsersOf(pm)).toEqual([{ endpoint: `${service.url}/phone`, show_text: 0 }]);
  });

  it('holds push in quiet hours and for kinds turned off, like the other channels', async () => {
    service.received.length = 0;
    await pm.client.put(
      '/api/me/notifications',
      settingsFor({ quietHours: { from: '09:00', to: '11:00' }, kindsOff: ['round-revealed'] }),
    );
    expect(
      await enqueueDelivery({ db: app.deps.db, now: clock, delivery: due(pm, { kind: 'round-revealed' }) }),
    ).toBe(false);
    await enqueueDelivery({ db: app.deps.db, now: clock, delivery: due(pm) });
    expect(await sweep()).toMatchObject({ sent: 0 });
    expect(service.received).toEqual([]);
    expect(await sweep(new Date('2026-11-26T11:00:00Z'))).toMatchObject({ sent: 1 });
    expect(service.received.map((r) => r.path)).toEqual(['/phone']);
    await pm.client.put('/api/me/notifications', settingsFor());
  });

  it('removes a browser the push service answers 404 or 410 for; retries one it answers 503 for', async () => {
    const other = await buildPm(app, coach, 'Gina Gone');
    const gone = makeBrowserKeys();
    const missing = makeBrowserKeys();
    await subscribe(other, '/gone/1', gone);
    await subscribe(other, '/missing/1', missing);
    await enqueueDelivery({ db: app.deps.db, now: clock, delivery: due(other) });
    expect(await sweep()).toMatchObject({ sent: 0, failed: 1 });
    expect(await browsersOf(other)).toEqual([]);
    const failed = (await other.client.get('/api/me/notifications')).body.failed;
    expect(failed[0]).toMatchObject({
      channel: 'push',
      reason: 'The push service no longer knows these browsers: turn push on again',
    });

    await subscribe(other, '/busy/1', makeBrowserKeys());
    await enqueueDelivery({ db: app.deps.db, now: clock, delivery: due(other) });
    expect(await sweep()).toMatchObject({ sent: 0, retrying: 1 });
    expect(await browsersOf(other)).toHaveLength(1);
  });

  it('keeps a browser to the person who turned it on last; nobody turns off another person’s', async () => {
    const shared = makeBrowserKeys();
    const sam = await buildPm(app, coach, 'Sam Shared');
    await subscribe(pm, '/shared', shared, { showText: true });
    expect(
      (await sam.client.post('/api/me/push/unsubscribe', { endpoint: `${service.url}/shared` })).status,
    ).toBe(200);
    expect(await browsersOf(pm)).toContainEqual({ endpoint: `${service.url}/shared`, show_text: 1 });
    // Sam signs in on the same browser and turns push on: it is Sam's now, text off again.
    expect((await subscribe(sam, '/shared', shared)).body).toEqual({ on: true, showText: false });
    expect(await browsersOf(pm)).not.toContainEqual(
      expect.objectContaining({ endpoint: `${service.url}/shared` }),
    );
  });

  it('sends a test notification now, with the text', async () => {
    service.received.length = 0;
    const browser = makeBrowserKeys();
    const tester = await buildPm(app, coach, 'Tess Test');
    const none = await tester.client.post('/api/me/notifications/test', { channel: 'push' });
    expect(none.body).toEqual({ ok: false, message: 'Push is not on in any browser.' });
    await subscribe(tester, '/test', browser, { showText: true });
    const sent = await tester.client.post('/api/me/notifications/test', { channel: 'push' });
    expect(sent.body).toEqual({ ok: true, message: 'Sent. Look for the notification on your devices.' });
    expect(opened('/test', browser)).toEqual({
      title: 'Test from Wheelhouse',
      link: '/account/notifications',
      text: 'If you can read this, Wheelhouse can reach you here.',
    });
  });
});
