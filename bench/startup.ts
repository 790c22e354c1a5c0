import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { targets, verdict } from './targets.js';

/**
 * `npm run bench` (part 1): what `npm start` costs. Starts the server as its own process on a new
 * SQLite file (created and migrated on start, web build present), times the first answer of
 * /api/health, then reads the process's resident memory after it has sat idle: the compiled
 * server (`npm start`, built beforehand) beside the TypeScript one through tsx (`npm run dev`'s way).
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PORT = 3931;
const RUNS = 3;

const ways = {
  'compiled (npm start)': ['--enable-source-maps', 'scripts/start.mjs'],
  'tsx (node --import tsx)': ['--import', 'tsx', 'server/main.ts'],
};

async function once(args: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'wheelhouse-startup-'));
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, PORT: String(PORT), DATABASE_URL: join(dir, 'wh.db'), LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  try {
    for (let tries = 0; ; tries++) {
      if (tries > 1500) throw new Error('the server did not answer within 30 s');
      const ok = await fetch(`http://127.0.0.1:${PORT}/api/health`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const firstAnswerMs = performance.now() - started;
    await new Promise((r) => setTimeout(r, 3000));
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]);
    return { firstAnswerMs, rssMb: rssKb / 1024 };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

// A built app, as after `npm run build`: the web app when there is none (else the first start
// would build it and be timed), and the server compiled once first.
if (!existsSync(join(root, 'dist', 'web', 'index.html')))
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
execFileSync(process.execPath, ['scripts/start.mjs', '--build'], { cwd: root, stdio: 'ignore' });
console.log(
  `Start to the first answer of /api/health on a new SQLite file, and idle memory; ${RUNS} runs each`,
);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
for (const [name, args] of Object.entries(ways)) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once(args));
  console.log(
    `  ${name.padEnd(24)} first answer ${runs.map((r) => `${Math.round(r.firstAnswerMs)} ms`).join(', ')}; ` +
      `idle memory ${runs.map((r) => `${r.rssMb.toFixed(0)} MB`).join(', ')}`,
  );
  // The targets are for `npm start`; tsx (`npm run dev`'s way) is shown beside it for comparison.
  if (name.startsWith('compiled'))
    for (const v of [
      verdict(targets.start, median(runs.map((r) => r.firstAnswerMs))),
      verdict(targets.idleMemory, median(runs.map((r) => r.rssMb))),
    ])
      console.log(`    ${v.met ? 'met' : 'MISSED'}: ${v.text} (median of ${RUNS})`);
}
console.log(
  `Load average: ${loadavg()
    .map((n) => n.toFixed(1))
    .join(', ')} (start-up time means little on a busy machine; memory less so).`,
);
