import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { openDatabase } from '../server/db/database.js';
import { createSession } from '../server/features/people/auth/sessions.js';
import { demoPms } from '../server/features/people/demo/demo-content.js';
import { createDemo } from '../server/features/people/demo/demo.js';
import { targets, verdict } from './targets.js';

/**
 * `npm run bench` (last part), or alone: `npm run bench:lighthouse`. Lighthouse 12 (its default
 * config: the mobile preset, simulated slow 4G and a 4× slower CPU) against the built app, started
 * as `npm start` starts it, on a new SQLite file: the first-run page of a new installation, then,
 * with the demo seeded and a demo PM signed in (a session cookie sent as an extra header on every
 * request), the PM's home, a compared wheel and the plan. Prints performance and accessibility
 * per page against the targets, and the audits that cost points. Lighthouse is a dev dependency
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
  metrics: string;
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
    const session = await createSession(db, pm.id);
    return { pmId: pm.id, roundId: round.id, cookie: `wh_session=${session.token}` };
  } finally {
    await close();
  }
}

/** One page in a Chromium of its own (a cold cache, nothing left from the page before). */
async function audit(
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
  const metric = (id: string) => a[id]?.displayValue ?? '—';
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
    metrics: `FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}`,
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

/** Runs the four pages; returns their scores and the first page's JavaScript (the caller prints them). */
export async function runLighthouse(): Promise<{
  scores: PageScore[];
  firstPageJs: { bytes: number; files: number };
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
    scores.push(await run('compared wheel (revealed round)', `/rounds/${demo.roundId}`, demo.cookie));
    scores.push(await run('plan', `/pms/${demo.pmId}/plan`, demo.cookie));
  } finally {
    if (server) await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  }
  return { scores, firstPageJs };
}

/** Prints the table: each page's scores against the targets, then what cost points. */
export function printLighthouse({ scores, firstPageJs }: Awaited<ReturnType<typeof runLighthouse>>) {
  const js = verdict(targets.firstPageJs, firstPageJs.bytes);
  console.log(
    `\nFirst page's JavaScript (${firstPageJs.files} files, brotli as served): ${js.met ? 'met' : 'MISSED'}: ${js.text}`,
  );
  console.log(
    '\nLighthouse 12 (mobile preset: simulated slow 4G, 4× CPU slowdown), built app on a new SQLite file',
  );
  const row = (cells: string[]) =>
    console.log(cells.map((c, i) => (i === 0 ? c.padEnd(36) : c.padStart(13))).join(' '));
  row(['page', 'performance', 'accessibility', 'target']);
  for (const s of scores) {
    const perf = verdict(targets.lighthousePerformance, s.performance);
    const a11y = verdict(targets.lighthouseAccessibility, s.accessibility);
    const missed = [perf, a11y].filter((v) => !v.met).map((v) => v.text);
    row([s.page, s.performance.toFixed(2), s.accessibility.toFixed(2), missed.length ? 'MISSED' : 'met']);
    console.log(`    ${s.path.replace(/[0-9a-f-]{36}/g, '…')}: ${s.metrics}`);
    for (const m of missed) console.log(`    missed: ${m}`);
    for (const c of s.costs) console.log(`    ${c}`);
  }
  console.log(
    `Targets: performance ≥ ${targets.lighthousePerformance.limit}, accessibility ${targets.lighthouseAccessibility.limit}. ` +
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
