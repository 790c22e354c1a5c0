import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { crashRun } from '../tests/support/crash-run.js';
import { startPostgresCluster } from '../tests/support/postgres-cluster.js';

/**
 * The long crash run (by hand, not in `npm test`): `npx tsx bench/crash.ts [kills] [postgres]`.
 * Four clients write plan comments to the real server while it is killed with SIGKILL `kills`
 * times (default 30) and restarted on the same database; then every write it acknowledged is
 * looked for. On a new SQLite file, or with `postgres` on a new database of a throwaway local
 * PostgreSQL cluster (only the Wheelhouse server is killed, never PostgreSQL).
 */
const kills = Number(process.argv[2] ?? 30);
const engine = process.argv[3] === 'postgres' ? 'postgresql' : 'sqlite';
const dir = mkdtempSync(join(tmpdir(), 'wheelhouse-crash-bench-'));
const cluster = engine === 'postgresql' ? await startPostgresCluster() : null;
let databaseUrl = join(dir, 'wheelhouse.db');
if (cluster) {
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query('create database wh_crash');
  await admin.end();
  databaseUrl = cluster.url.replace(/\/[^/?]*(\?.*)?$/, '/wh_crash$1');
}

try {
  const started = performance.now();
  const result = await crashRun({ databaseUrl, kills, clients: 4, log: (line) => console.log(line) });
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.log(
    `${engine}, ${result.kills} kills in ${seconds} s: writes acknowledged ${result.acknowledged}, ` +
      `writes lost ${result.lost}, attempts without an answer (server down or restarting) ${result.unanswered}`,
  );
  if (result.lost) console.log(`lost, for example: ${result.lostExamples.join(', ')}`);
  process.exitCode = result.lost ? 1 : 0;
} finally {
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
}
