import { spawn } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatKeys } from '../../server/crypto/keys.js';
import { buildPm, buildWorkspace, type Person } from '../support/factories.js';
import { startPostgresCluster } from '../support/postgres-cluster.js';
import { repoRoot, startServerProcess, waitForReady, type ServerProcess } from '../support/server-process.js';
import { postgresTestKeys } from '../support/test-keys.js';
import type { TestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-database.js';

/**
 * Issue 19 row 1: PostgreSQL stopped while requests run must not kill the server. A real server
 * process (an unhandled 'error' kills a process; inside vitest it would only fail the run), on a
 * cluster of its own, under steady mixed traffic: PMs writing journal entries and reading their
 * page, a coach reading the home. What is asserted is what callers notice: statuses,
 * Retry-After, the process alive, every acknowledged write readable afterwards. So that queries
 * are surely running when PostgreSQL stops (a fast server finishes its requests in a blink), the
 * journal table is locked first: the PMs' writes wait inside PostgreSQL, on checked-out clients.
 * The second test catches the other moment a checked-out client can lose its connection: inside
 * a transaction, between two queries (the issue's "57P01 terminating connection").
 */
type Phase = 'up' | 'stopping' | 'down' | 'starting' | 'again';
type Answer = { who: number; phase: Phase; status: number; retryAfter: string | null };

const PMS = 4;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(testEngine() !== 'postgres')(
  'PostgreSQL stopped and started under traffic (a real server process, on a cluster of its own)',
  () => {
    let cluster: Awaited<ReturnType<typeof startPostgresCluster>>;
    let server: ServerProcess;
    let app: TestApp;
    beforeAll(async () => {
      cluster = await startPostgresCluster();
      server = startServerProcess({ PORT: '0', DATABASE_URL: cluster.url, SWEEP_INTERVAL_SECONDS: '5' });
      app = { url: `http://127.0.0.1:${await waitForReady(server)}` } as TestApp;
    }, 90_000);
    afterAll(() => {
      if (server?.child.exitCode === null) server.child.kill('SIGKILL');
      cluster?.stop();
    });

    it('stays up, answers 503 with Retry-After meanwhile, 200 again after, and loses no acknowledged write', async () => {
      const coach = await buildWorkspace(app);
      const pms: (Person & { pairId: string })[] = [];
      for (let i = 0; i < PMS; i++) pms.push(await buildPm(app, coach));

      let phase: Phase = 'up';
      let stop = false;
      const answers: Answer[] = [];
      const failures: string[] = []; // requests that got no HTTP answer at all
      const acknowledged: { pm: Person; id: string; body: string }[] = [];
      const send = async (who: number, request: () => ReturnType<Person['client']['get']>) => {
        const at = phase;
        try {
          const res = await request();
          answers.push({ who, phase: at, status: res.status, retryAfter: res.headers.get('retry-after') });
          return res;
        } catch (error) {
          failures.push(`${who} (${at}): ${(error as Error).cause ?? (error as Error).message}`);
          stop = true; // the server is gone: nothing more to learn from this run
          return null;
        }
      };
      const pmTraffic = async (pm: Person, who: number) => {
        for (let n = 1; !stop; n++) {
          const body = `Entry ${n} of PM ${who}`;
          const wrote = await send(who, () => pm.client.post(`/api/pms/${pm.id}/reflections`, { body }));
          if (wrote?.status === 200) acknowledged.push({ pm, id: wrote.body.id, body });
          await send(who, () => pm.client.get(`/api/pms/${pm.id}`));
        }
      };
      const coachTraffic = async () => {
        while (!stop) await send(PMS, () => coach.client.get('/api/home'));
      };
      const clients = [...pms.map(pmTraffic), coachTraffic()];

      // Counts, not clocks: each waits until every client has seen what it waits for.
      const everyClient = async (phases: Phase[], status: number) => {
        for (let tries = 0; tries < 600 && !stop; tries++) {
          const seen = new Set(
            answers.filter((a) => phases.includes(a.phase) && a.status === status).map((a) => a.who),
          );
          if (seen.size === PMS + 1) return;
          await pause(50);
        }
      };
      await everyClient(['up'], 200);
      const locker = new pg.Client({ connectionString: cluster.url });
      locker.on('error', () => {}); // its session ends with the shutdown too
      await locker.connect();
      await locker.query('begin; lock table reflections in access exclusive mode');
      for (let tries = 0; tries < 600; tries++) {
        const waiting = await locker.query('select count(*)::int as n from pg_locks where not granted');
        if (waiting.rows[0].n >= PMS) break;
        await pause(50);
      }
      phase = 'stopping';
      await cluster.takeDown(); // fast shutdown: every session ends, the waiting queries among them
      phase = 'down';
      await everyClient(['down'], 503);
      phase = 'starting';
      await cluster.bringUp();
      phase = 'again';
      await everyClient(['again'], 200);
      stop = true;
      await Promise.all(clients);

      expect(failures, server.output()).toEqual([]);
      expect(server.child.exitCode).toBeNull();
      expect(server.output()).not.toMatch(/Unhandled 'error' event|uncaught/i);
      // Every answer is a success or the documented 503 with its Retry-After; never a 500.
      expect(answers.filter((a) => a.status !== 200 && a.status !== 503)).toEqual([]);
      expect(answers.filter((a) => a.status === 503 && a.retryAfter !== '5')).toEqual([]);
      // While the database was down, nothing succeeded; each client saw the 503, then a 200 after.
      expect(answers.filter((a) => a.phase === 'down' && a.status !== 503)).toEqual([]);
      for (let who = 0; who <= PMS; who++) {
        expect(answers.some((a) => a.who === who && a.phase === 'down' && a.status === 503)).toBe(true);
        expect(answers.some((a) => a.who === who && a.phase === 'again' && a.status === 200)).toBe(true);
      }

      // No acknowledged write is lost.
      expect(acknowledged.length).toBeGreaterThan(PMS);
      for (const { pm, id, body } of acknowledged) {
        const read = await pm.client.get(`/api/pms/${pm.id}/reflections/${id}`);
        expect(read.status, read.text).toBe(200);
        expect(read.body).toMatchObject({ id, body });
      }

      // And it still stops cleanly.
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }, 120_000);

    it('stays up when PostgreSQL stops while a transaction waits between two queries', async () => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(repoRoot, 'tests/support/transaction-across-outage.ts')],
        {
          cwd: repoRoot,
          env: {
            ...process.env,
            DATABASE_URL: cluster.url,
            WHEELHOUSE_ENCRYPTION_KEYS: formatKeys(postgresTestKeys),
          },
          stdio: ['pipe', 'pipe', 'pipe'],
        },
      );
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      for (let tries = 0; tries < 600 && !out.includes('in transaction') && child.exitCode === null; tries++)
        await pause(50);
      expect(out).toContain('in transaction');
      await cluster.takeDown(); // the session in the transaction gets 57P01 with no query running
      try {
        child.stdin.end('go\n');
        expect(await exited, out).toBe(0);
      } finally {
        await cluster.bringUp();
      }
      expect(out).not.toMatch(/Unhandled 'error' event/);
      expect(out).toContain('failed, unreachable: true'); // the request would answer 503
      expect(out).toContain('alive');
    }, 60_000);
  },
);
