import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { compiledOnce } from '../server/db/compiled-once.js';
import { openDatabase, type Db } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';

/**
 * `npx tsx bench/compile-cost.ts`: the CPU time of building and compiling one query with Kysely
 * (through the app's plugins, the sealing one included) against running it, for the session
 * lookup every request makes and a plan read (decision 064). CPU time, not wall time: the
 * machine is shared.
 */
const N = Number(process.env.COMPILE_N ?? 20_000);
const dir = mkdtempSync(join(tmpdir(), 'wheelhouse-compile-'));
const { db, close } = openDatabase(join(dir, 'c.db'));

const session = (d: Db = db, hash = 'x') =>
  d
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.csrf_token', 'sessions.last_seen_at', 'sessions.expires_at', 'users.id', 'users.name'])
    .where('sessions.token_hash', '=', hash)
    .where('users.deactivated_at', 'is', null)
    .leftJoin('pairs', (join) =>
      join.onRef('pairs.coach_id', '=', 'users.id').on('pairs.status', '=', 'active'),
    )
    .leftJoin('history_grants', 'history_grants.pair_id', 'pairs.id')
    .select(['pairs.id as pair_id', 'pairs.pm_id', 'pairs.accepted_at', 'history_grants.part'])
    .orderBy('pairs.accepted_at');
const plan = (d: Db = db, planId = 'x') =>
  d
    .selectFrom('plan_actions')
    .leftJoin('users', 'users.id', 'plan_actions.suggested_by')
    .selectAll('plan_actions')
    .select(['users.name as suggester_name'])
    .where('plan_actions.plan_id', '=', planId)
    .orderBy('plan_actions.position');

function cpu(label: string, f: () => unknown) {
  for (let i = 0; i < 1000; i++) f();
  const start = process.cpuUsage();
  for (let i = 0; i < N; i++) f();
  const { user, system } = process.cpuUsage(start);
  console.log(`${label.padEnd(44)} ${((user + system) / N).toFixed(1).padStart(7)} µs CPU each`);
}

async function cpuAsync(label: string, f: () => Promise<unknown>) {
  for (let i = 0; i < 1000; i++) await f();
  const start = process.cpuUsage();
  for (let i = 0; i < N; i++) await f();
  const { user, system } = process.cpuUsage(start);
  console.log(`${label.padEnd(44)} ${((user + system) / N).toFixed(1).padStart(7)} µs CPU each`);
}

try {
  await migrateToLatest(db);
  for (const [name, q] of [
    ['session lookup', session],
    ['plan actions', plan],
  ] as const) {
    cpu(`${name}: build only`, () => q());
    cpu(`${name}: build + compile (plugins)`, () => q().compile());
    await cpuAsync(`${name}: build + compile + run (empty table)`, () => q().execute());
    const once = compiledOnce((d, value: string) => q(d, value));
    await cpuAsync(`${name}: compiledOnce + run (empty table)`, () => once(db, 'y'));
  }
  console.log(`load average ${loadavg()[0]!.toFixed(1)}`);
} finally {
  await close();
  rmSync(dir, { recursive: true, force: true });
}
