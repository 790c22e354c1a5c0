import { mkdtempSync, rmSync } from 'node:fs';
import { performance as hooks } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import { pino } from 'pino';
import { createApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { compressJson } from '../server/http/compression.js';
import { createMailer } from '../server/mail/mailer.js';
import { startPostgresCluster } from '../tests/support/postgres-cluster.js';
import { seedTeam, sizes, type BenchSize } from './seed.js';
import { randomBytes } from 'node:crypto';
import { cellFor, targets, verdict } from './targets.js';

/**
 * `npm run bench` (part 2): the main reads and one write of the real app, in-process on loopback,
 * on SQLite and on PostgreSQL (a throwaway cluster), at the demo's size and an organisation's.
 * Each route: autocannon at 50 connections beside a bench-only baseline returning a fixed body of
 * the same bytes from memory, then a steady offered load of 200 req/s (open model: requests are
 * sent on schedule whether or not earlier ones have answered, so queueing shows in the latency).
 *
 * Every read is measured twice: as autocannon asks (no Accept-Encoding) and as browsers ask
 * (`Accept-Encoding: br, gzip`, rows marked "br"), the baseline compressed by the same middleware.
 * The export is measured by its first byte: 50 connections each download it again and again, and
 * the time to the first byte of each answer (its head) is kept (decision 064). These requests
 * come from this process (fetch), not from autocannon's worker: the figure includes the client.
 *
 * BENCH_SECONDS (default 3) per measurement, BENCH_ENGINES (sqlite,postgres),
 * BENCH_SIZES (demo,organisation; also: deep, coach-1, coach-10, coach-50),
 * BENCH_ENCODINGS (identity,br), BENCH_ROUTES (names, comma-separated; default all).
 */
const CONNECTIONS = 50;
const STEADY_RATE = 200;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',') as ('sqlite' | 'postgres')[];
/** BENCH_SEED_ONLY=1: seed each engine and size, print the seed time, measure nothing. */
const SEED_ONLY = Boolean(process.env.BENCH_SEED_ONLY);
const ENCODINGS = (process.env.BENCH_ENCODINGS ?? 'identity,br').split(',');
const ONLY_ROUTES = process.env.BENCH_ROUTES?.split(',');
const BROWSER_ENCODING = 'br, gzip';
const SIZES = (process.env.BENCH_SIZES ?? 'demo,organisation').split(',').map((name) => {
  const size = sizes[name];
  if (!size) throw new Error(`Unknown size "${name}": use ${Object.keys(sizes).join(', ')}.`);
  return size;
});

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  /** The server's event loop busy time per answer (ms): less noisy than req/s on a shared machine. */
  busyMs?: number;
}
interface Row {
  name: string;
  bytes: number;
  baseline: Figures;
  measured: Figures;
  steady: Figures;
}
interface Run {
  engine: string;
  size: BenchSize;
  seedSeconds: number;
  rows: Row[];
}

async function openFresh(engine: 'sqlite' | 'postgres', clusterUrl: string | null) {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'wheelhouse-bench-'));
    const url = join(dir, 'bench.db');
    return { url, database: openDatabase(url), drop: () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `wh_bench_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: clusterUrl! });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = clusterUrl!.replace(/\/[^/?]*(\?.*)?$/, `/${name}`);
  // PostgreSQL has no key file (decision 044): a throwaway key for a throwaway database.
  const keys = { current: 'bench', keys: new Map([['bench', randomBytes(32)]]) };
  return { url, database: openDatabase(url, { keys }), drop: () => undefined };
}

async function benchOne(
  engine: 'sqlite' | 'postgres',
  size: BenchSize,
  clusterUrl: string | null,
): Promise<Run> {
  const { url, database, drop } = await openFresh(engine, clusterUrl);
  const server = serve({ fetch: (req, env) => app.fetch(req, env), port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const log = pino({ level: 'silent' });
  const config = loadConfig({ PORT: '0', PUBLIC_URL: base, DATABASE_URL: url });
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
  app.use('/bench/baseline', compressJson());
  app.all('/bench/baseline', (c) => c.body(baselineBody, 200, { 'content-type': 'application/json' }));
  try {
    await migrateToLatest(database.db);
    const started = performance.now();
    const cpu = process.cpuUsage();
    const team = await seedTeam(database.db, engine, size);
    if (engine === 'postgres') await sql`analyze`.execute(database.db);
    const seedSeconds = (performance.now() - started) / 1000;
    const { user, system } = process.cpuUsage(cpu);
    console.log(
      `  ${engine}, ${size.name}: seeded in ${seedSeconds.toFixed(1)} s (this process's CPU: ${((user + system) / 1e6).toFixed(1)} s` +
        `${engine === 'postgres' ? `; PostgreSQL's on the copy: ${team.copyServerCpuSeconds.toFixed(1)} s` : ''}; load average ${loadavg()[0]!.toFixed(1)})`,
    );
    if (SEED_ONLY) return { engine, size, seedSeconds, rows: [] };
    const asCoach = { cookie: team.coach.cookie };
    const asPm = { cookie: team.pm.cookie };
    const routes = [
      { name: 'PM home', path: '/api/home', headers: asPm },
      { name: 'coach home', path: '/api/home', headers: asCoach },
      { name: 'compared wheel', path: `/api/rounds/${team.comparedRoundId}/comparison`, headers: asCoach },
      { name: 'history', path: `/api/pms/${team.pmId}/history`, headers: asCoach },
      { name: 'plan', path: `/api/pms/${team.pmId}/plan`, headers: asCoach },
      { name: 'export everything (zip)', path: `/api/pms/${team.pmId}/export`, headers: asPm },
      {
        name: 'save a draft score',
        path: `/api/rounds/${team.draftRoundId}/assessments/self`,
        method: 'PUT',
        body: JSON.stringify({ scores: { [team.draftStatementKey]: 7 } }),
        headers: { ...asPm, 'x-csrf-token': team.pm.csrf, 'content-type': 'application/json' },
      },
    ];
    const rows: Row[] = [];
    for (const route of routes.filter((r) => !ONLY_ROUTES || ONLY_ROUTES.includes(r.name))) {
      const init = { method: route.method ?? 'GET', headers: route.headers, body: route.body };
      const res = await fetch(base + route.path, init);
      const body = await res.text();
      if (res.status !== 200) throw new Error(`${route.name}: ${route.path} answered ${res.status}: ${body}`);
      if (route.path.endsWith('/export')) {
        rows.push(
          await exportFirstByte(route.name, base + route.path, route.headers, Buffer.byteLength(body)),
        );
        continue;
      }
      baselineBody = body;
      for (const encoding of ENCODINGS) {
        const headers: Record<string, string> =
          encoding === 'identity' ? route.headers : { ...route.headers, 'accept-encoding': BROWSER_ENCODING };
        const options = { method: init.method, headers, body: route.body };
        const baseline = await measure({ url: `${base}/bench/baseline`, ...options });
        const measured = await measure({ url: base + route.path, ...options });
        const steady = await measure({ url: base + route.path, ...options, overallRate: STEADY_RATE });
        const name = encoding === 'identity' ? route.name : `${route.name}, br`;
        rows.push({ name, bytes: Buffer.byteLength(body), baseline, measured, steady });
      }
    }
    return { engine, size, seedSeconds, rows };
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.close();
    drop();
  }
}

async function measure(options: {
  url: string;
  method?: string;
  body?: string;
  headers: Record<string, string>;
  overallRate?: number;
}): Promise<Figures> {
  // The load comes from a worker thread, so the server's event loop does not also generate it.
  const loop = hooks.eventLoopUtilization();
  const result = await autocannon({ ...options, connections: CONNECTIONS, duration: SECONDS, workers: 1 });
  const busyMs = hooks.eventLoopUtilization(loop).active / Math.max(1, result.requests.total);
  if (result.errors || result.timeouts || result.non2xx)
    throw new Error(
      `${options.url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`,
    );
  // No answer at all within the window (an overloaded machine): no figures, rather than zeros.
  if (!result.requests.total) return { rps: NaN, p50: NaN, p99: NaN };
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, busyMs };
}

/**
 * The export under 50 connections, each downloading it again and again for SECONDS: the time to
 * the first byte of each answer (p50 and p99; target: p99 within 1 s) and answers per second.
 * Printed in the table's columns as: baseline req/s —, req/s, p50/p99 of the first byte.
 */
async function exportFirstByte(
  name: string,
  url: string,
  headers: Record<string, string>,
  bytes: number,
): Promise<Row> {
  const firsts: number[] = [];
  const until = performance.now() + SECONDS * 1000;
  let answers = 0;
  const loop = async () => {
    while (performance.now() < until) {
      const started = performance.now();
      // The first byte of the answer: its status line and headers (sent before the zip's first page).
      const res = await fetch(url, { headers });
      firsts.push(performance.now() - started);
      await res.arrayBuffer();
      answers++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, loop));
  const rps = answers / ((performance.now() - started) / 1000);
  firsts.sort((a, b) => a - b);
  const at = (q: number) => firsts[Math.min(firsts.length - 1, Math.floor(q * firsts.length))] ?? NaN;
  const none = { rps: NaN, p50: NaN, p99: NaN };
  return {
    name: `${name} (first byte)`,
    bytes,
    baseline: none,
    measured: { rps, p50: at(0.5), p99: at(0.99) },
    steady: none,
  };
}

/** A figure, or "—" when there was none. */
const fig = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

const cell = (cells: string[]) =>
  console.log(
    cells.map((c, i) => (i === 0 ? c.padEnd(24) : c.padStart(c.startsWith('MISSED') ? 16 : 10))).join(' '),
  );

function printRun(run: Run) {
  console.log(
    `\n${run.engine}, ${run.size.name}, seeded in ${run.seedSeconds.toFixed(1)} s; ${CONNECTIONS} connections, then ${STEADY_RATE} req/s offered, ${SECONDS} s each`,
  );
  cell([
    'route',
    'bytes',
    'base req/s',
    'req/s',
    'vs base',
    'p50 ms',
    'p99 ms',
    'busy ms',
    '@200 p50',
    '@200 p99',
    'vs base target',
    '@200 p99 target',
  ]);
  const missed: string[] = [];
  for (const r of run.rows) {
    if (r.name.endsWith('(first byte)')) {
      const v = verdict(targets.exportFirstByte, r.measured.p99);
      if (!v.met) missed.push(`${r.name}: ${v.text}`);
      const f = r.measured;
      cell([
        r.name,
        String(r.bytes),
        '—',
        fig(f.rps),
        '—',
        fig(f.p50),
        fig(f.p99),
        '—',
        '—',
        '—',
        '—',
        cellFor(targets.exportFirstByte, f.p99),
      ]);
      continue;
    }
    const ratio = r.measured.rps / r.baseline.rps;
    const throughput = verdict(targets.throughput, ratio * 100);
    const p99 = verdict(targets.steadyP99, r.steady.p99);
    for (const v of [throughput, p99]) if (!v.met) missed.push(`${r.name}: ${v.text}`);
    cell([
      r.name,
      String(r.bytes),
      fig(r.baseline.rps),
      fig(r.measured.rps),
      Number.isFinite(ratio) ? `${(ratio * 100).toFixed(0)}%` : '—',
      fig(r.measured.p50),
      fig(r.measured.p99),
      fig(r.measured.busyMs ?? NaN, 2),
      fig(r.steady.p50),
      fig(r.steady.p99),
      cellFor(targets.throughput, ratio * 100),
      cellFor(targets.steadyP99, r.steady.p99),
    ]);
  }
  for (const m of missed) console.log(`  missed: ${m}`);
}

function printGrowth(runs: Run[]) {
  const small = runs.filter((r) => r.size === sizes.demo);
  const large = runs.filter((r) => r.size === sizes.organisation);
  if (!small.length || !large.length) return;
  console.log('\nOrganisation vs demo (target: within 1.5×): req/s at 50 connections, p99 at 200 req/s');
  cell(['route', 'engine', 'req/s ×', 'p99 ×', 'req/s target', 'p99 target']);
  const missed: string[] = [];
  for (const l of large) {
    const s = small.find((r) => r.engine === l.engine);
    if (!s) continue;
    for (const row of l.rows) {
      const d = s.rows.find((r) => r.name === row.name)!;
      const slower = d.measured.rps / row.measured.rps;
      const p99 = row.steady.p99 / Math.max(1, d.steady.p99);
      for (const [what, v] of [
        ['req/s', verdict(targets.growth, slower)],
        ['p99 at 200 req/s', verdict(targets.growth, p99)],
      ] as const)
        if (!v.met) missed.push(`${row.name} on ${l.engine}, ${what}: ${v.text}`);
      cell([
        row.name,
        l.engine,
        fig(slower, 2),
        fig(p99, 2),
        cellFor(targets.growth, slower),
        cellFor(targets.growth, p99),
      ]);
    }
  }
  for (const m of missed) console.log(`  missed: ${m}`);
}

async function main() {
  const started = performance.now();
  const cluster = ENGINES.includes('postgres') ? await startPostgresCluster() : null;
  const runs: Run[] = [];
  try {
    for (const engine of ENGINES)
      for (const size of SIZES) runs.push(await benchOne(engine, size, cluster?.url ?? null));
  } finally {
    cluster?.stop();
  }
  for (const run of runs) printRun(run);
  printGrowth(runs);
  console.log(
    `\nTargets: every read at least 35% of its baseline's req/s; p99 under 25 ms at a steady ${STEADY_RATE} req/s.` +
      '\nAutocannon sends no Accept-Encoding: answers are measured uncompressed. "—": no answer within the window.' +
      `\nLoad average while it ran: ${loadavg()
        .map((n) => n.toFixed(1))
        .join(', ')} on ${cpus().length} cores (figures mean little on a busy machine).` +
      `\nBench time: ${((performance.now() - started) / 1000).toFixed(0)} s.`,
  );
}

main().catch((error: unknown) => {
  console.error('The benchmark failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
