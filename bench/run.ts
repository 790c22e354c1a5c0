import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { pino } from 'pino';
import { createApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { createMailer } from '../server/mail/mailer.js';
import { loadSession } from '../server/features/auth/session-middleware.js';
import { recordAccess } from '../server/privacy/access-log.js';
import { authorize } from '../server/privacy/authorize.js';
import { seedTeam } from './seed.js';

/**
 * `npm run bench`: five years of monthly rounds for a team on a fresh SQLite file, the real app
 * in-process on loopback, and autocannon against the comparison and history endpoints, each
 * beside a baseline route (bench-only) that returns a fixed JSON body of the same size from memory.
 */
const SIZE = { pms: 6, rounds: 60, monthsBetweenRounds: 1 };
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'wheelhouse-bench-'));
  const database = openDatabase(join(dir, 'bench.db'));
  const server = serve({ fetch: (req, env) => app.fetch(req, env), port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const log = pino({ level: 'silent' });
  const config = loadConfig({ PORT: '0', PUBLIC_URL: base, DATABASE_URL: join(dir, 'bench.db') });
  const deps = {
    db: database.db,
    engine: database.engine,
    config,
    mailer: createMailer({ smtpUrl: undefined, from: config.mailFrom, log }),
    now: () => new Date(),
    log,
  };
  const app = createApp(deps);
  // The baseline: a body held in memory, registered in this process only (never in the app).
  // Hono freezes its routes on the first request, so it is registered now and filled in later.
  let baselineBody = '';
  app.get('/bench/baseline', (c) => c.body(baselineBody, 200, { 'content-type': 'application/json' }));
  // The privacy floor: the same body after the work every coaching-data request must do
  // (session lookup, authorize(), the access-log write), to show what the wheel's own reads cost.
  let floorPmId = '';
  app.use('/bench/floor', loadSession(deps));
  app.get('/bench/floor', async (c) => {
    const actor = c.get('actor');
    if (!actor) return c.body(null, 404);
    const grant = await authorize({ db: deps.db, actor, action: 'history:read', pmId: floorPmId });
    await recordAccess({ db: deps.db, grant, resource: 'bench' });
    return c.body(baselineBody, 200, { 'content-type': 'application/json' });
  });
  try {
    await migrateToLatest(database.db);
    const started = Date.now();
    const team = await seedTeam(database.db, SIZE);
    console.log(
      `Seeded ${SIZE.pms} PMs × ${SIZE.rounds} monthly rounds (five years) in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
    const headers = { cookie: team.cookie };
    floorPmId = team.pmId;
    const routes = [
      { name: 'comparison', path: `/api/rounds/${team.latestRoundId}/comparison` },
      { name: 'history', path: `/api/pms/${team.pmId}/history` },
    ];
    const rows = [];
    for (const route of routes) {
      const res = await fetch(base + route.path, { headers });
      if (res.status !== 200) throw new Error(`${route.path} answered ${res.status}: ${await res.text()}`);
      const body = await res.text();
      baselineBody = body;
      const baseline = await measure(`${base}/bench/baseline`, headers);
      const floor = await measure(`${base}/bench/floor`, headers);
      const measured = await measure(base + route.path, headers);
      rows.push({ route, bytes: body.length, baseline, floor, measured });
    }
    printTable(rows);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(url: string, headers: Record<string, string>) {
  // The load comes from a worker thread, so the server's event loop does not also generate it.
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers, workers: 1 });
  if (result.errors || result.timeouts || result.non2xx)
    throw new Error(`${url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

type Figures = Awaited<ReturnType<typeof measure>>;
type Row = {
  route: { name: string; path: string };
  bytes: number;
  baseline: Figures;
  floor: Figures;
  measured: Figures;
};

function printTable(rows: Row[]) {
  const line = (cells: string[]) =>
    console.log(cells.map((c, i) => (i === 0 ? c.padEnd(24) : c.padStart(11))).join(' '));
  console.log(`\nSQLite, ${CONNECTIONS} connections, ${SECONDS} s per route, loopback\n`);
  line(['route', 'body bytes', 'req/s', 'p50 ms', 'p99 ms', 'vs baseline', 'target']);
  for (const { route, bytes, baseline, floor, measured } of rows) {
    const ratio = measured.rps / baseline.rps;
    const ok = ratio >= 0.5 && measured.p99 < 20;
    line([
      `baseline (${route.name})`,
      String(bytes),
      baseline.rps.toFixed(0),
      String(baseline.p50),
      String(baseline.p99),
      '',
      '',
    ]);
    line([
      `privacy floor`,
      String(bytes),
      floor.rps.toFixed(0),
      String(floor.p50),
      String(floor.p99),
      `${((floor.rps / baseline.rps) * 100).toFixed(0)}%`,
      '',
    ]);
    line([
      route.name,
      String(bytes),
      measured.rps.toFixed(0),
      String(measured.p50),
      String(measured.p99),
      `${(ratio * 100).toFixed(0)}%`,
      ok ? 'met' : 'MISSED',
    ]);
  }
  console.log('\nTarget: at least 50% of the baseline throughput and p99 under 20 ms.');
  console.log(
    'privacy floor = the fixed body after session lookup, authorize() and the access-log write that every coaching-data read does.',
  );
}

main().catch((error: unknown) => {
  console.error('The benchmark failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
