import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import { pino } from 'pino';
import { createApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { createMailer } from '../server/mail/mailer.js';
import { startPostgresCluster } from '../tests/support/postgres-cluster.js';
import { openedValues } from '../server/crypto/field-crypto.js';
import { seedTeam, sizes } from './seed.js';

/**
 * `npx tsx bench/profile.ts`: where each main read spends the server's CPU (issue 24, "profile
 * first"). The app runs in this process at the demo's size; for each route, autocannon (in a
 * worker thread) keeps 50 connections busy for PROFILE_SECONDS while the V8 sampling profiler
 * runs and the event loop's delay is recorded. Prints the top frames by self time, grouped as
 * "our code" (server/…) and the libraries, and writes each .cpuprofile under PROFILE_DIR
 * (default: a temporary folder) for Chrome DevTools.
 *
 * Before the load, each route is asked COUNT_REQUESTS times one after another and the queries and
 * the sealed values opened per request are printed: counts, unlike times, do not depend on what
 * else the shared machine is doing.
 *
 * PROFILE_ENGINES (sqlite,postgres), PROFILE_SECONDS (4), PROFILE_TOP (14), PROFILE_ROUTES
 * (comma-separated names, default all), PROFILE_COUNT_ONLY=1 (the counts, no load or profile).
 */
const COUNT_REQUESTS = 20;
const COUNT_ONLY = Boolean(process.env.PROFILE_COUNT_ONLY);
const SECONDS = Number(process.env.PROFILE_SECONDS ?? 4);
const TOP = Number(process.env.PROFILE_TOP ?? 14);
const ENGINES = (process.env.PROFILE_ENGINES ?? 'sqlite,postgres').split(',') as ('sqlite' | 'postgres')[];
const ONLY = process.env.PROFILE_ROUTES?.split(',');
const OUT = process.env.PROFILE_DIR ?? mkdtempSync(join(tmpdir(), 'wheelhouse-profile-'));
mkdirSync(OUT, { recursive: true });

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame lives, shortened: our files relative to the project, libraries by package. */
function place(url: string) {
  const path = url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  if (pkg) return pkg[1]!;
  const ours = /\/(server|common|bench)\/(.*)$/.exec(path);
  if (ours) return `${ours[1]}/${ours[2]}`;
  if (path.startsWith('node:')) return path;
  return path ? 'node internals' : 'native (SQLite, crypto, GC)';
}

/** Self time per frame and per place (package or file), as shares of all samples. */
function summarise(profile: Profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000),
  );
  const total = [...selfMs.values()].reduce((a, b) => a + b, 0);
  const frames = new Map<string, number>();
  const places = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const { callFrame: f } = byId.get(id)!;
    if (f.functionName === '(idle)' || f.functionName === '(program)') continue;
    const where = place(f.url);
    const frame = `${f.functionName || '(anonymous)'}  ${where}${f.url ? `:${f.lineNumber + 1}` : ''}`;
    frames.set(frame, (frames.get(frame) ?? 0) + ms);
    places.set(where, (places.get(where) ?? 0) + ms);
  }
  const idle = [...selfMs]
    .filter(([id]) => byId.get(id)!.callFrame.functionName === '(idle)')
    .reduce((a, [, ms]) => a + ms, 0);
  const top = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([k, ms]) => `${((ms / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
  return { total, idleShare: idle / total, frames: top(frames), places: top(places) };
}

async function profileEngine(engine: 'sqlite' | 'postgres', clusterUrl: string | null) {
  let url: string;
  let database;
  let drop = () => undefined as void;
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'wheelhouse-profile-db-'));
    url = join(dir, 'profile.db');
    database = openDatabase(url);
    drop = () => rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `wh_profile_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: clusterUrl! });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    url = clusterUrl!.replace(/\/[^/?]*(\?.*)?$/, `/${name}`);
    database = openDatabase(url, { keys: { current: 'p', keys: new Map([['p', randomBytes(32)]]) } });
  }
  const log = pino({ level: 'silent' });
  const server = serve({ fetch: (req, env) => app.fetch(req, env), port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = loadConfig({ PORT: '0', PUBLIC_URL: base, DATABASE_URL: url });
  let queries = 0;
  // Counted by result: a query compiled once (the session lookup) is built only the first time.
  const counted = database.db.withPlugin({
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      queries++;
      return args.result;
    },
  });
  const app = createApp({
    db: counted,
    engine: database.engine,
    config,
    mailer: createMailer({ smtpUrl: undefined, from: config.mailFrom, log }),
    now: () => new Date(),
    log,
  });
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  try {
    await migrateToLatest(database.db);
    const team = await seedTeam(database.db, engine, sizes.demo!);
    if (engine === 'postgres') await sql`analyze`.execute(database.db);
    const asCoach = { cookie: team.coach.cookie };
    const asPm = { cookie: team.pm.cookie };
    const routes = [
      { name: 'PM home', path: '/api/home', headers: asPm },
      { name: 'coach home', path: '/api/home', headers: asCoach },
      { name: 'compared wheel', path: `/api/rounds/${team.comparedRoundId}/comparison`, headers: asCoach },
      { name: 'history', path: `/api/pms/${team.pmId}/history`, headers: asCoach },
      { name: 'plan', path: `/api/pms/${team.pmId}/plan`, headers: asCoach },
    ].filter((r) => !ONLY || ONLY.includes(r.name));
    for (const route of routes) {
      const warm = await fetch(base + route.path, { headers: route.headers });
      if (warm.status !== 200) throw new Error(`${route.name}: ${warm.status} ${await warm.text()}`);
      await warm.arrayBuffer();
      queries = 0;
      const opened = openedValues.count;
      for (let i = 0; i < COUNT_REQUESTS; i++)
        await (await fetch(base + route.path, { headers: route.headers })).arrayBuffer();
      console.log(
        `\n${engine}, ${route.name}: ${(queries / COUNT_REQUESTS).toFixed(1)} queries and ` +
          `${((openedValues.count - opened) / COUNT_REQUESTS).toFixed(1)} sealed values opened per request`,
      );
      if (COUNT_ONLY) continue;
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      await session.post('Profiler.start');
      const result = await autocannon({
        url: base + route.path,
        headers: route.headers,
        connections: 50,
        duration: SECONDS,
        workers: 1,
      });
      const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
      delay.disable();
      const file = join(OUT, `${engine}-${route.name.replace(/\W+/g, '-')}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      const s = summarise(profile);
      console.log(
        `\n${engine}, ${route.name}: ${result.requests.average.toFixed(0)} req/s, p99 ${result.latency.p99} ms; ` +
          `event-loop delay p50 ${(delay.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms, ` +
          `max ${(delay.max / 1e6).toFixed(0)} ms; idle ${(s.idleShare * 100).toFixed(0)}% of samples; load ${loadavg()[0]!.toFixed(1)}`,
      );
      console.log('  by place (self time):');
      for (const line of s.places) console.log(`    ${line}`);
      console.log('  top frames (self time):');
      for (const line of s.frames) console.log(`    ${line}`);
    }
  } finally {
    await session.post('Profiler.disable');
    session.disconnect();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.close();
    drop();
  }
}

async function main() {
  const cluster = ENGINES.includes('postgres') ? await startPostgresCluster() : null;
  try {
    for (const engine of ENGINES) await profileEngine(engine, cluster?.url ?? null);
  } finally {
    cluster?.stop();
  }
  console.log(`\nProfiles written to ${OUT} (open in Chrome DevTools → Performance).`);
}

main().catch((error: unknown) => {
  console.error('The profile failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
