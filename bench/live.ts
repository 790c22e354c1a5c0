import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { createSession } from '../server/features/people/auth/sessions.js';
import { newId, nowIso } from '../server/util.js';
import type { Client } from '../tests/support/client.js';
import { LivePage } from '../tests/support/live-page.js';
import { startPostgresCluster } from '../tests/support/postgres-cluster.js';
import { startServerProcess, waitForReady, type ServerProcess } from '../tests/support/server-process.js';
import { postgresTestKeys } from '../tests/support/test-keys.js';

/**
 * The live coaching session under load (by hand, not in `npm test`; decision 056):
 *   npx tsx bench/live.ts
 * 1. update latency between two pages, p50/p99, on one instance (SQLite) and across two
 *    instances over one PostgreSQL (LISTEN/NOTIFY);
 * 2. the server's memory per open session document and per open page, and whether one instance
 *    holds 1,000 open session pages (500 sessions, coach and PM on each).
 * The servers run as their own processes (npm start), so their memory is measured alone.
 */
const SESSIONS = 500;
const UPDATES = 300;

type Seeded = { url: string; sessions: { id: string; coach: string; pm: string }[] };

/** A coach with SESSIONS PMs, a session each with about 1 KB of notes, and every sign-in. */
async function seed(databaseUrl: string): Promise<Seeded> {
  const postgres = databaseUrl.startsWith('postgres');
  const { db, close } = openDatabase(databaseUrl, postgres ? { keys: postgresTestKeys } : {});
  await migrateToLatest(db);
  const now = nowIso();
  const workspace = newId();
  await db
    .insertInto('workspaces')
    .values({ id: workspace, name: 'Bench', is_demo: 0, created_at: now })
    .execute();
  const user = (name: string) => ({
    id: newId(),
    workspace_id: workspace,
    email: `${name}-${newId()}@example.com`,
    name,
    password_hash: 'not-for-sign-in',
    is_admin: 0,
    created_at: now,
    password_changed_at: now,
  });
  const coach = user('Cora Coach');
  await db.insertInto('users').values(coach).execute();
  const coachToken = (await createSession(db, coach.id)).token;
  const sessions: Seeded['sessions'] = [];
  for (let i = 0; i < SESSIONS; i++) {
    const pm = user(`Pat ${i}`);
    await db.insertInto('users').values(pm).execute();
    await db
      .insertInto('pairs')
      .values({
        id: newId(),
        workspace_id: workspace,
        coach_id: coach.id,
        pm_id: pm.id,
        status: 'active',
        created_by: coach.id,
        created_at: now,
        accepted_at: now,
        ended_at: null,
      })
      .execute();
    const id = newId();
    await db
      .insertInto('coaching_sessions')
      .values({
        id,
        pm_id: pm.id,
        coach_id: coach.id,
        kind: 'monthly',
        status: 'in_progress',
        sequence: 0,
        starts_at: now,
        local_start: now.slice(0, 16),
        time_zone: 'UTC',
        minutes: 60,
        created_by: coach.id,
        created_at: now,
        updated_at: now,
        agenda_prepared_at: now,
        action_statuses: null,
        started_at: now,
        ended_at: null,
        cancelled_at: null,
        shared_notes: `Notes of session ${i}. `.repeat(50),
        colours_set: null,
        actions_moved: null,
        next_steps: null,
      })
      .execute();
    sessions.push({ id, coach: coachToken, pm: (await createSession(db, pm.id)).token });
  }
  await close();
  return { url: databaseUrl, sessions };
}

const as = (token: string) => ({ cookie: () => token }) as unknown as Client;
const open = (base: string, token: string, sessionId: string) => LivePage.open(base, as(token), sessionId);
const rssMiB = (server: ServerProcess) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.child.pid}/status`, 'utf8'))![1]) / 1024;
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

/** One page types UPDATES characters, one every 20 ms; the other page's arrival times. */
async function latency(from: LivePage, to: LivePage) {
  await Promise.all([from.firstSession(10_000), to.firstSession(10_000)]);
  const start = to.text.length;
  const sent: number[] = [];
  const took: number[] = [];
  to.text.observe(() => {
    const now = performance.now();
    while (took.length < to.text.length - start - 0 && took.length < sent.length)
      took.push(now - sent[took.length]!);
  });
  for (let i = 0; i < UPDATES; i++) {
    sent.push(performance.now());
    from.text.insert(from.text.length, 'x');
    await new Promise((r) => setTimeout(r, 20));
  }
  await to.until(() => took.length === UPDATES, 10_000, 'every update');
  const sorted = took.sort((a, b) => a - b);
  return { p50: pct(sorted, 0.5).toFixed(1), p99: pct(sorted, 0.99).toFixed(1) };
}

async function main() {
  const results: Record<string, unknown> = {};

  // One instance on SQLite: latency, then 1,000 open pages.
  const dir = mkdtempSync(join(tmpdir(), 'wheelhouse-live-bench-'));
  const sqlite = await seed(join(dir, 'bench.db'));
  const one = startServerProcess({ PORT: '0', DATABASE_URL: sqlite.url });
  try {
    const base = `http://127.0.0.1:${await waitForReady(one)}`;
    const [first] = sqlite.sessions;
    const a = open(base, first!.coach, first!.id);
    const b = open(base, first!.pm, first!.id);
    results.latencySameInstanceMs = await latency(a, b);
    await Promise.all([a.close(), b.close()]);
    await new Promise((r) => setTimeout(r, 3000));
    const idle = rssMiB(one);
    const coachPages: LivePage[] = [];
    for (const s of sqlite.sessions) coachPages.push(open(base, s.coach, s.id));
    await Promise.all(coachPages.map((p) => p.firstSession(60_000)));
    await new Promise((r) => setTimeout(r, 3000));
    const withDocs = rssMiB(one);
    const pmPages: LivePage[] = [];
    for (const s of sqlite.sessions) pmPages.push(open(base, s.pm, s.id));
    await Promise.all(pmPages.map((p) => p.firstSession(60_000)));
    await new Promise((r) => setTimeout(r, 3000));
    const withPages = rssMiB(one);
    const all = [...coachPages, ...pmPages];
    const stillOpen = all.filter((p) => p.ws.readyState === p.ws.OPEN).length;
    // Every page still answers: one character typed on each coach page reaches its PM page.
    const t0 = performance.now();
    for (const p of coachPages) p.text.insert(0, '!');
    await Promise.all(pmPages.map((p) => p.until(() => p.text.toString().startsWith('!'), 30_000)));
    results.oneInstance = {
      openPages: all.length,
      stillOpen,
      documents: SESSIONS,
      rssIdleMiB: idle.toFixed(0),
      rssWith500DocsMiB: withDocs.toFixed(0),
      rssWith1000PagesMiB: withPages.toFixed(0),
      perDocumentAndPageKiB: (((withDocs - idle) * 1024) / SESSIONS).toFixed(0),
      perExtraPageKiB: (((withPages - withDocs) * 1024) / SESSIONS).toFixed(0),
      oneUpdateOnEach500PairsMs: (performance.now() - t0).toFixed(0),
    };
    await Promise.all(all.map((p) => p.close()));
  } finally {
    one.child.kill('SIGTERM');
    await one.exited;
    rmSync(dir, { recursive: true, force: true });
  }

  // Two instances over one PostgreSQL: the coach on one, the PM on the other.
  const cluster = await startPostgresCluster();
  const servers: ServerProcess[] = [];
  try {
    const pg = await seed(cluster.url);
    servers.push(startServerProcess({ PORT: '0', DATABASE_URL: pg.url }));
    servers.push(startServerProcess({ PORT: '0', DATABASE_URL: pg.url }));
    const [p1, p2] = await Promise.all(servers.map((s) => waitForReady(s)));
    const [first] = pg.sessions;
    const a = open(`http://127.0.0.1:${p1}`, first!.coach, first!.id);
    const b = open(`http://127.0.0.1:${p2}`, first!.pm, first!.id);
    results.latencyAcrossInstancesMs = await latency(a, b);
    await Promise.all([a.close(), b.close()]);
  } finally {
    for (const s of servers) s.child.kill('SIGTERM');
    await Promise.all(servers.map((s) => s.exited));
    cluster.stop();
  }
  console.log(JSON.stringify(results, null, 2));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
