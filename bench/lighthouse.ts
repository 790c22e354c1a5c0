import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { openDatabase } from '../server/db/database.js';
import { createSession } from '../server/features/people/auth/sessions.js';
import { demoCoach, demoPms } from '../server/features/people/demo/demo-content.js';
import { createDemo } from '../server/features/people/demo/demo.js';
import { targets, verdict } from './targets.js';

/**
 * `npm run bench` (last part), or alone: `npm run bench:lighthouse`. Lighthouse 12 (its default
 * config: the mobile preset, simulated slow 4G and a 4× slower CPU) against the built app, started
 * as `npm start` starts it, on a new SQLite file: the first-run page of a new installation, then,
 * with the demo seeded and a demo PM signed in (a session cookie sent as an extra header on every
 * request), the PM's home, the coach's home (the demo coach), a compared wheel, the plan, a
 * coaching session's page and the check-in. Prints per page performance, accessibility, FCP, LCP,
 * TBT and CLS against their targets, the entry chunk against its budget, and the audits that cost
 * points. A trace that failed to record (NO_NAVSTART on a busy machine) is tried again. Lighthouse is a dev dependency
 * used here only; the server never imports it.
 *
 * LIGHTHOUSE_NO_BUILD=1 skips `npm run build` (measure the build that is there);
 * LIGHTHOUSE_REPORTS=<folder> keeps each page's full report there (JSON, for the Lighthouse viewer).
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface PageScore {
  page: string;
  path: string;
  performance: number;
  accessibility: number;
  /** Lighthouse's figures: milliseconds, CLS unitless. */
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  /** Lighthouse's measure of this machine's CPU at the time (higher is faster; a busy machine scores low). */
  benchmarkIndex: number;
  costs: string[];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** The compiled server as `npm start` runs it, on the given SQLite file; resolves once it answers. */
async function startServer(databaseFile: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--enable-source-maps', 'scripts/start.mjs'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseFile, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`the server stopped at start (exit ${child.exitCode})`);
    if (tries > 600) throw new Error('the server did not answer within 60 s');
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** The demo, seeded into the (stopped) server's file, and a session for its first PM. */
async function seedDemo(databaseFile: string) {
  const { db, close } = openDatabase(databaseFile);
  try {
    const demo = await createDemo({ db });
    const pm = await db
      .selectFrom('users')
      .select('id')
      .where('workspace_id', '=', demo.workspaceId)
      .where('name', '=', demoPms[0].name)
      .executeTakeFirstOrThrow();
    const round = await db
      .selectFrom('assessment_rounds')
      .select('id')
      .where('pm_id', '=', pm.id)
      .where('revealed_at', 'is not', null)
      .orderBy('revealed_at', 'desc')
      .executeTakeFirstOrThrow();
    const coach = await db
      .selectFrom('users')
      .select('id')
      .where('workspace_id', '=', demo.workspaceId)
      .where('name', '=', demoCoach.name)
      .executeTakeFirstOrThrow();
    // The PM's next coaching session (the live page with its agenda), else the latest one.
    const sessions = await db
      .selectFrom('coaching_sessions')
      .select(['id', 'status'])
      .where('pm_id', '=', pm.id)
      .orderBy('starts_at', 'desc')
      .execute();
    const coachingSession = sessions.filter((s) => s.status === 'scheduled').at(-1) ?? sessions[0]!;
    const session = await createSession(db, pm.id);
    const coachSession = await createSession(db, coach.id);
    return {
      pmId: pm.id,
      roundId: round.id,
      coachingSessionId: coachingSession.id,
      cookie: `wh_session=${session.token}`,
      coachCookie: `wh_session=${coachSession.token}`,
    };
  } finally {
    await close();
  }
}

/**
 * One page, tried up to three times: on a busy machine Lighthouse now and then fails to record
 * the trace (NO_NAVSTART, NO_FCP), which says nothing about the page.
 */
async function audit(serverPort: number, page: string, path: string, cookie: string | null) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await auditOnce(serverPort, page, path, cookie);
    } catch (error) {
      if (
        attempt === 3 ||
        !(error instanceof Error) ||
        !/\b(NO_NAVSTART|NO_FCP|NO_LCP)\b/.test(error.message)
      )
        throw error;
      console.error(`${page}: ${error.message.split('\n')[0]}; again (attempt ${attempt + 1} of 3)`);
    }
  }
}

/** One page in a Chromium of its own (a cold cache, nothing left from the page before). */
async function auditOnce(
  serverPort: number,
  page: string,
  path: string,
  cookie: string | null,
): Promise<PageScore> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });
  const result = await lighthouse(`http://127.0.0.1:${serverPort}${path}`, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility'],
    ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
  }).finally(() => chrome.kill());
  if (!result) throw new Error(`${page}: Lighthouse returned nothing`);
  const { lhr } = result;
  const keep = process.env.LIGHTHOUSE_REPORTS;
  if (keep) {
    mkdirSync(keep, { recursive: true });
    writeFileSync(
      join(keep, `${page.replace(/\W+/g, '-').replace(/^-|-$/g, '')}.json`),
      result.report as string,
    );
  }
  if (lhr.runtimeError) throw new Error(`${page}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  if (new URL(lhr.finalDisplayedUrl).pathname !== path)
    throw new Error(`${page}: ended on ${lhr.finalDisplayedUrl}, not ${path}`);
  const a = lhr.audits;
  const metric = (id: string) => a[id]?.numericValue ?? NaN;
  // What cost points: the category's weighted audits below full marks.
  const costs = (['performance', 'accessibility'] as const).flatMap((category) =>
    lhr.categories[category]!.auditRefs.filter((ref) => ref.weight > 0)
      .map((ref) => a[ref.id]!)
      .filter((x) => x.score !== null && x.score < 1)
      .map((x) => `${category}: ${x.title}${x.displayValue ? ` (${x.displayValue})` : ''}, score ${x.score}`),
  );
  return {
    page,
    path,
    performance: lhr.categories.performance!.score ?? NaN,
    accessibility: lhr.categories.accessibility!.score ?? NaN,
    fcp: metric('first-contentful-paint'),
    lcp: metric('largest-contentful-paint'),
    tbt: metric('total-blocking-time'),
    cls: metric('cumulative-layout-shift'),
    benchmarkIndex: lhr.environment.benchmarkIndex,
    costs,
  };
}

/**
 * The first page's JavaScript as the server sends it to a browser that accepts brotli: the entry
 * script and its modulepreloads from the built index.html, bytes on the wire (node:http leaves
 * the body compressed, where fetch would decode it).
 */
async function firstPageJsBytes(serverPort: number) {
  const html = await (await fetch(`http://127.0.0.1:${serverPort}/`)).text();
  const paths = [
    ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!),
  ];
  let bytes = 0;
  for (const path of paths)
    bytes += await new Promise<number>((resolve, reject) => {
      request(
        `http://127.0.0.1:${serverPort}${path}`,
        { headers: { 'accept-encoding': 'gzip, deflate, br' } },
        (res) => {
          let n = 0;
          res.on('data', (chunk: Buffer) => (n += chunk.length));
          res.on('end', () => resolve(n));
          res.on('error', reject);
        },
      )
        .on('error', reject)
        .end();
    });
  return { bytes, files: paths.length };
}

/** The built entry chunk (dist/web/index.html's module script): bytes as built and gzipped. */
function entryChunk() {
  const webRoot = join(root, 'dist', 'web');
  const html = readFileSync(join(webRoot, 'index.html'), 'utf8');
  const src = /<script[^>]*type="module"[^>]*src="([^"]+)"/.exec(html)?.[1];
  if (!src) throw new Error('dist/web/index.html names no module script');
  const file = join(webRoot, src);
  return { bytes: statSync(file).size, gzip: gzipSync(readFileSync(file), { level: 9 }).length };
}

/** Runs the pages; returns their scores and the first page's JavaScript (the caller prints them). */
export async function runLighthouse(): Promise<{
  scores: PageScore[];
  firstPageJs: { bytes: number; files: number };
  entry: { bytes: number; gzip: number };
}> {
  if (!process.env.LIGHTHOUSE_NO_BUILD)
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const dir = mkdtempSync(join(tmpdir(), 'wheelhouse-lighthouse-'));
  const databaseFile = join(dir, 'wh.db');
  const serverPort = await freePort();
  const scores: PageScore[] = [];
  let firstPageJs = { bytes: NaN, files: 0 };
  let server: ChildProcess | null = null;
  try {
    const run = (page: string, path: string, cookie: string | null) => audit(serverPort, page, path, cookie);
    server = await startServer(databaseFile, serverPort);
    firstPageJs = await firstPageJsBytes(serverPort);
    scores.push(await run('first-run page (new installation)', '/', null));
    await stopServer(server);
    const demo = await seedDemo(databaseFile);
    server = await startServer(databaseFile, serverPort);
    scores.push(await run("PM's home (demo PM)", '/', demo.cookie));
    scores.push(await run("coach's home (demo coach)", '/', demo.coachCookie));
    scores.push(await run('compared wheel (revealed round)', `/rounds/${demo.roundId}`, demo.cookie));
    scores.push(await run('plan', `/pms/${demo.pmId}/plan`, demo.cookie));
    scores.push(
      await run('coaching session page', `/coaching-sessions/${demo.coachingSessionId}`, demo.cookie),
    );
    scores.push(await run('check-in', `/pms/${demo.pmId}/check-in`, demo.cookie));
  } finally {
    if (server) await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  }
  return { scores, firstPageJs, entry: entryChunk() };
}

/** Prints the table: each page's figures against their targets, then what cost points. */
export function printLighthouse({ scores, firstPageJs, entry }: Awaited<ReturnType<typeof runLighthouse>>) {
  const js = verdict(targets.firstPageJs, firstPageJs.bytes);
  console.log(
    `\nFirst page's JavaScript (${firstPageJs.files} files, brotli as served): ${js.met ? 'met' : 'MISSED'}: ${js.text}`,
  );
  const kb = (n: number) => (n / 1024).toFixed(1);
  const e = verdict(targets.entryChunk, entry.bytes);
  console.log(
    `Entry chunk: ${kb(entry.bytes)} KB as built, ${kb(entry.gzip)} KB gzipped: ${e.met ? 'met' : 'MISSED'}: ${e.text}`,
  );
  console.log(
    '\nLighthouse 12 (mobile preset: simulated slow 4G, 4× CPU slowdown), built app on a new SQLite file',
  );
  const checks = [
    ['perf', targets.lighthousePerformance, (s: PageScore) => s.performance, (n: number) => n.toFixed(2)],
    ['a11y', targets.lighthouseAccessibility, (s: PageScore) => s.accessibility, (n: number) => n.toFixed(2)],
    ['FCP', targets.lighthouseFcp, (s: PageScore) => s.fcp, (n: number) => `${(n / 1000).toFixed(1)} s`],
    ['LCP', targets.lighthouseLcp, (s: PageScore) => s.lcp, (n: number) => `${(n / 1000).toFixed(1)} s`],
    ['TBT', targets.lighthouseTbt, (s: PageScore) => s.tbt, (n: number) => `${n.toFixed(0)} ms`],
    ['CLS', targets.lighthouseCls, (s: PageScore) => s.cls, (n: number) => n.toFixed(3)],
  ] as const;
  const row = (cells: string[]) =>
    console.log(
      cells.map((c, i) => (i === 0 ? c.padEnd(34) : c.padStart(i === cells.length - 1 ? 8 : 9))).join(' '),
    );
  row(['page', ...checks.map(([label]) => label), 'targets']);
  for (const s of scores) {
    const verdicts = checks.map(([label, target, get]) => ({ label, ...verdict(target, get(s)) }));
    const missed = verdicts.filter((v) => !v.met);
    row([
      s.page,
      ...checks.map(([, target, get, show]) => `${show(get(s))}${verdict(target, get(s)).met ? '' : '!'}`),
      missed.length ? 'MISSED' : 'met',
    ]);
    console.log(
      `    ${s.path.replace(/[0-9a-f-]{36}/g, '…')} (CPU benchmark index ${s.benchmarkIndex.toFixed(0)})`,
    );
    for (const m of missed) console.log(`    missed: ${m.text}`);
    for (const c of s.costs) console.log(`    ${c}`);
  }
  console.log(
    `Targets (! marks a miss): ${checks.map(([label, t]) => `${label} ${t.kind === 'at-least' ? '≥' : '≤'} ${t.limit}${t.unit ? ` ${t.unit}` : ''}`).join(', ')}. ` +
      `Load average: ${loadavg()
        .map((n) => n.toFixed(1))
        .join(
          ', ',
        )} (the performance score simulates a phone, but its CPU timings are taken on this machine).`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runLighthouse()
    .then(printLighthouse)
    .catch((error: unknown) => {
      console.error('Lighthouse failed:', error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    });
}
