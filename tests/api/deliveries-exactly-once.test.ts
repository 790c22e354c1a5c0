import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DueDelivery, DueProducer } from '../../server/features/cadence/deliveries/due.js';
import {
  enqueueDelivery,
  leaseMs,
  runSweep,
  sendRow,
  type Sender,
} from '../../server/features/cadence/deliveries/outbox.js';
import { buildPm, buildWorkspace, type Person } from '../support/factories.js';
import { startServerProcess } from '../support/server-process.js';
import { testEngine } from '../support/test-database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { startWebhookSink } from '../support/webhook-sink.js';

/**
 * Decision 033: two app instances on ONE PostgreSQL database run the same sweep at the same time;
 * every delivery reaches the sink exactly once. Then one instance dies mid-send: nothing is lost,
 * and the only repeat is the delivery it was sending when it died.
 */
describe.skipIf(testEngine() !== 'postgres')(
  'exactly once across instances (PostgreSQL only: SQLite has a single writer, one instance per file)',
  () => {
    let a: TestApp;
    let b: TestApp;
    let sink: Awaited<ReturnType<typeof startWebhookSink>>;
    const pms: Person[] = [];

    beforeAll(async () => {
      sink = await startWebhookSink();
      a = await startTestApp({ allowPrivateWebhooks: true });
      b = await startTestApp({ allowPrivateWebhooks: true, databaseUrl: a.deps.config.databaseUrl });
      const coach = await buildWorkspace(a);
      for (let i = 0; i < 6; i++) {
        const pm = await buildPm(i % 2 ? b : a, coach);
        const res = await pm.client.put('/api/me/notifications', {
          email: false,
          slackUrl: `${sink.url}/slack/${pm.id}`,
          includeText: false,
          nudgeFrequency: 'weekly',
          quietHours: null,
          timeZone: 'UTC',
          kindsOff: [],
          coachPromptDay: 1,
        });
        if (res.status !== 200) throw new Error(res.text);
        pms.push(pm);
      }
    }, 60_000);
    afterAll(async () => {
      await b?.close();
      await a?.close();
      await sink?.close();
    });

    const delivery = (i: number, batch: string, kind: DueDelivery['kind'] = 'nudge'): DueDelivery => ({
      recipientId: pms[i % pms.length]!.id,
      kind,
      key: `${kind}:${batch}:${i}`,
      title: `${batch} #${i}`,
      text: 'not sent out',
      link: '/inbox',
    });
    const titlesOf = (batch: string) =>
      sink.received.map((r) => String(r.body.text).split('\n')[0]!).filter((t) => t.startsWith(`${batch} #`));
    const countBy = (titles: string[]) => {
      const m = new Map<string, number>();
      for (const t of titles) m.set(t, (m.get(t) ?? 0) + 1);
      return m;
    };

    it('delivers ~300 due deliveries exactly once with two instances sweeping in parallel', async () => {
      const now = new Date('2026-11-26T09:00:00Z');
      // 200 nudges enqueued directly (as the nudge feature does) ...
      for (let i = 0; i < 200; i++)
        await enqueueDelivery({ db: (i % 2 ? a : b).deps.db, now, delivery: delivery(i, 'parallel') });
      // ... and 100 reminders a producer finds due, which BOTH instances run.
      const reminders: DueProducer = async () =>
        Array.from({ length: 100 }, (_, i) => delivery(200 + i, 'parallel', 'session-tomorrow'));
      const sweeps = (app: TestApp, id: string) => async () => {
        const results = [];
        for (let round = 0; round < 4; round++)
          results.push(await runSweep({ deps: app.deps, now, producers: [reminders], instanceId: id }));
        return results;
      };
      const [ra, rb] = await Promise.all([sweeps(a, 'instance-A')(), sweeps(b, 'instance-B')()]);

      const titles = titlesOf('parallel');
      const counts = countBy(titles);
      expect(counts.size, 'every delivery arrived').toBe(300);
      expect(
        [...counts.values()].filter((n) => n > 1),
        'repeats',
      ).toEqual([]);
      expect(titles).toHaveLength(300);
      const sentBy = (rs: { sent: number }[]) => rs.reduce((n, r) => n + r.sent, 0);
      const enqueuedBy = (rs: { enqueued: number }[]) => rs.reduce((n, r) => n + r.enqueued, 0);
      expect(sentBy(ra) + sentBy(rb)).toBe(300);
      expect(enqueuedBy(ra) + enqueuedBy(rb), 'each reminder stored once').toBe(100);
      const rows = await a.deps.db
        .selectFrom('deliveries')
        .select(['status', 'claimed_by'])
        .where('key', 'like', '%:parallel:%')
        .where('channel', '=', 'slack')
        .execute();
      expect(rows).toHaveLength(300);
      expect(rows.every((r) => r.status === 'sent')).toBe(true);
      const byInstance = countBy(rows.map((r) => r.claimed_by ?? 'none'));
      console.info(
        `[exactly-once] 300 deliveries, 2 instances × 4 sweeps: sent by A ${byInstance.get('instance-A') ?? 0}, ` +
          `by B ${byInstance.get('instance-B') ?? 0}; repeats 0`,
      );
    }, 120_000);

    it('after an instance dies mid-send, the other sends the rest after the lease: nothing lost, one repeat', async () => {
      const now = new Date('2026-11-26T10:00:00Z');
      for (let i = 0; i < 100; i++)
        await enqueueDelivery({ db: a.deps.db, now, delivery: delivery(i, 'crash') });

      // Instance A sends 10, then dies while sending the 11th: the sink got it, A never recorded it.
      let calls = 0;
      let inFlight = '';
      let wake: () => void = () => {};
      const dying: Sender = async (args) => {
        calls++;
        const outcome = await sendRow(args);
        if (calls <= 10) return outcome;
        inFlight = args.row.title;
        await new Promise<void>((resolve) => (wake = resolve)); // "dead" from here on
        return outcome;
      };
      const doomed = runSweep({ deps: a.deps, now, producers: [], instanceId: 'instance-A', send: dying });
      await vi.waitFor(() => expect(titlesOf('crash')).toHaveLength(11), { timeout: 10_000, interval: 20 });

      // Before the lease runs out, B finds nothing to do: A's claim holds.
      const early = await runSweep({ deps: b.deps, now, producers: [], instanceId: 'instance-B' });
      expect(early.claimed).toBe(0);

      // After the lease, B takes over every row A left behind, including the one it died sending.
      const later = new Date(now.getTime() + leaseMs + 1000);
      const takeover = await runSweep({ deps: b.deps, now: later, producers: [], instanceId: 'instance-B' });
      expect(takeover.sent).toBe(90);

      // A comes back to life late: it records nothing over B's work and sends nothing more.
      wake();
      const resumed = await doomed;
      expect(resumed.sent).toBe(10);
      expect(resumed.lost, 'the one it was sending, and the 89 it never reached').toBe(90);

      const counts = countBy(titlesOf('crash'));
      expect(counts.size, 'nothing lost').toBe(100);
      const repeats = [...counts.entries()].filter(([, n]) => n > 1).map(([t]) => t);
      expect(repeats, 'only the delivery that was mid-send when A died').toEqual([inFlight]);
      const rows = await b.deps.db
        .selectFrom('deliveries')
        .select(['status'])
        .where('key', 'like', '%:crash:%')
        .where('channel', '=', 'slack')
        .execute();
      expect(rows.every((r) => r.status === 'sent')).toBe(true);
      console.info(
        `[exactly-once] crash: 100 deliveries; A sent 10 and died sending 1; B took over ${takeover.sent} ` +
          `after the lease; lost 0; repeats ${repeats.length} (${repeats.join(', ')})`,
      );
    }, 120_000);

    it('a real server process SIGKILLed mid-send: the other instance sends the rest after the lease', async () => {
      // Due now by the wall clock: the real process sweeps on its own croner clock.
      const now = new Date();
      for (let i = 0; i < 100; i++)
        await enqueueDelivery({ db: a.deps.db, now, delivery: delivery(i, 'kill') });
      // The sink takes the 11th body and never answers: the process dies waiting for "Slack".
      let seen = 0;
      sink.control.hold = (body) => String(body?.text).startsWith('kill #') && ++seen > 10;
      const server = startServerProcess({
        PORT: '0',
        DATABASE_URL: a.deps.config.databaseUrl,
        SWEEP_INTERVAL_SECONDS: '5',
        ALLOW_PRIVATE_WEBHOOKS: 'true',
        LOG_LEVEL: 'warn',
      });
      try {
        await vi.waitFor(() => expect(titlesOf('kill')).toHaveLength(11), { timeout: 90_000, interval: 50 });
      } finally {
        server.child.kill('SIGKILL');
        await server.exited;
        sink.control.hold = () => false;
      }
      const later = new Date(Date.now() + leaseMs + 1000);
      const takeover = await runSweep({ deps: b.deps, now: later, producers: [], instanceId: 'instance-B' });
      const counts = countBy(titlesOf('kill'));
      expect(counts.size, 'nothing lost').toBe(100);
      const repeats = [...counts.entries()].filter(([, n]) => n > 1).map(([t]) => t);
      expect(repeats, 'only the delivery the killed process was sending').toHaveLength(1);
      expect(takeover.sent).toBe(90);
      const rows = await b.deps.db
        .selectFrom('deliveries')
        .select(['status', 'claimed_by'])
        .where('key', 'like', '%:kill:%')
        .where('channel', '=', 'slack')
        .execute();
      expect(rows.every((r) => r.status === 'sent')).toBe(true);
      const byProcess = rows.filter((r) => r.claimed_by !== 'instance-B').length;
      expect(byProcess, 'recorded as sent by the killed process').toBe(10);
      console.info(
        `[exactly-once] SIGKILL: 100 deliveries; the server process recorded ${byProcess} sent, was killed sending 1; ` +
          `B sent ${takeover.sent} after the lease; lost 0; repeats ${repeats.length} (${repeats.join(', ')})`,
      );
    }, 180_000);
  },
);
