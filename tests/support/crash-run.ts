import { createServer } from 'node:net';
import { buildPm, buildWorkspace, type Person } from './factories.js';
import { startServerProcess, type ServerProcess } from './server-process.js';
import type { TestApp } from './test-app.js';

/**
 * Kills the real server with SIGKILL in the middle of a steady stream of writes, restarts it on
 * the same database, and counts the writes it had acknowledged (HTTP 200) that are gone after.
 * The writes are plan comments, one client per PM (each PM writes to their own plan).
 */
export interface CrashRunResult {
  acknowledged: number;
  lost: number;
  /** Attempts that got no answer (the server was down, or died under them): may or may not be there. */
  unanswered: number;
  kills: number;
  lostExamples: string[];
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function crashRun(options: {
  databaseUrl: string;
  kills: number;
  clients?: number;
  /** How long the load runs between a restart and the next kill (a random time in this range). */
  killAfterMs?: [number, number];
  log?: (line: string) => void;
}): Promise<CrashRunResult> {
  const { databaseUrl, kills, clients = 4, killAfterMs = [400, 1200], log = () => {} } = options;
  const port = await freePort();
  const env = { PORT: String(port), DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' };
  const url = `http://127.0.0.1:${port}`;
  const app = { url } as TestApp;
  let server: ServerProcess = startServerProcess(env);
  const ready = async (s: ServerProcess) => {
    // (waitForReady reads the "ready" line, which LOG_LEVEL=warn hides: poll health instead.)
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (s.child.exitCode !== null) throw new Error(`server exited: ${s.output()}`);
      const ok = await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await sleep(50);
    }
    throw new Error(`server did not start: ${s.output()}`);
  };
  try {
    await ready(server);
    const coach = await buildWorkspace(app);
    const pms: Person[] = [];
    for (let i = 0; i < clients; i++) {
      const pm = await buildPm(app, coach);
      const plan = await pm.client.post(`/api/pms/${pm.id}/plan`, { headline: 'Survive a crash' });
      if (plan.status !== 200) throw new Error(`plan failed: ${plan.text}`);
      pms.push(pm);
    }

    const acknowledged = new Map<string, Set<string>>(pms.map((p) => [p.id, new Set()]));
    let unanswered = 0;
    let running = true;
    const writer = async (pm: Person, n: number) => {
      let i = 0;
      while (running) {
        const body = `write ${n}-${++i}`;
        try {
          const res = await pm.client.post(`/api/pms/${pm.id}/plan/comments`, { body });
          if (res.status === 200) acknowledged.get(pm.id)!.add(body);
          else if (res.status >= 500) await sleep(20);
          else throw new Error(`write refused: ${res.status} ${res.text}`);
        } catch (error) {
          if (error instanceof Error && error.message.startsWith('write refused')) throw error;
          unanswered++; // connection refused or reset while the server is down
          await sleep(20);
        }
      }
    };
    const writers = pms.map((pm, n) => writer(pm, n));

    for (let k = 0; k < kills; k++) {
      await sleep(killAfterMs[0] + Math.random() * (killAfterMs[1] - killAfterMs[0]));
      server.child.kill('SIGKILL');
      await server.exited;
      log(`kill ${k + 1}: ${[...acknowledged.values()].reduce((n, s) => n + s.size, 0)} acknowledged so far`);
      server = startServerProcess(env);
      await ready(server);
    }
    await sleep(killAfterMs[0]);
    running = false;
    await Promise.all(writers);

    let ackCount = 0;
    const lostExamples: string[] = [];
    for (const pm of pms) {
      const res = await pm.client.get(`/api/pms/${pm.id}/plan`);
      if (res.status !== 200) throw new Error(`read failed: ${res.status} ${res.text}`);
      const present = new Set((res.body.plan.comments as { body: string }[]).map((c) => c.body));
      for (const body of acknowledged.get(pm.id)!) {
        ackCount++;
        if (!present.has(body)) lostExamples.push(body);
      }
    }
    return {
      acknowledged: ackCount,
      lost: lostExamples.length,
      unanswered,
      kills,
      lostExamples: lostExamples.slice(0, 10),
    };
  } finally {
    if (server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }
}
