import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildPm, buildRound, buildWorkspace, signIn, type Person } from '../support/factories.js';
import { repoRoot, startServerProcess, waitForReady, type ServerProcess } from '../support/server-process.js';
import type { TestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-database.js';

const running: ServerProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const s of running.splice(0)) if (s.child.exitCode === null) s.child.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'wheelhouse-backup-'));
  dirs.push(dir);
  return dir;
};

/** The real server (`npm start`) on a SQLite file; the factories only need its address. */
async function startServer(databasePath: string): Promise<TestApp & { server: ServerProcess }> {
  const server = startServerProcess({ PORT: '0', DATABASE_URL: databasePath });
  running.push(server);
  const port = await waitForReady(server);
  return { url: `http://127.0.0.1:${port}`, server } as unknown as TestApp & { server: ServerProcess };
}

/** `npm run backup` / `npm run restore` as a person types them (without npm's start-up). */
function cli(args: string[], databasePath: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      ['--enable-source-maps', 'scripts/start.mjs', 'backup-cli', ...args],
      {
        cwd: repoRoot,
        env: { ...process.env, DATABASE_URL: databasePath, INIT_CWD: repoRoot },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A coach and their PM with a submitted round and a plan; what the PM sees of both. */
async function coachingData(app: TestApp) {
  const coach = await buildWorkspace(app);
  const pm = await buildPm(app, coach, 'Pat PM');
  const round = await buildRound(pm, coach, { self: 7, coach: 5 });
  const plan = await pm.client.post(`/api/pms/${pm.id}/plan`, {
    headline: 'Own discovery for onboarding',
    themes: [
      { title: 'Talk to users', why: 'I build on guesses.', actions: [{ text: 'Lead three interviews' }] },
    ],
  });
  expect(plan.status, plan.text).toBe(200);
  // Encrypted at rest (decision 044): the restored server reads it only with the backup's key.
  const comment = await pm.client.post(`/api/pms/${pm.id}/plan/comments`, { body: 'Private words' });
  expect(comment.status, comment.text).toBe(200);
  return { coach, pm, roundId: round.id as string, seen: await whatThePmSees(pm, round.id) };
}

async function whatThePmSees(pm: Person, roundId: string) {
  const wheel = await pm.client.get(`/api/rounds/${roundId}/view`);
  const plan = await pm.client.get(`/api/pms/${pm.id}/plan`);
  expect(wheel.status, wheel.text).toBe(200);
  expect(plan.status, plan.text).toBe(200);
  return { wheel: wheel.body, plan: plan.body };
}

describe.skipIf(testEngine() !== 'sqlite')(
  'backup and restore of the SQLite file (SQLite only: PostgreSQL is backed up with pg_dump, see README)',
  () => {
    it('backs up a running server, restores into a fresh server, and the PM reads the same wheel and plan', async () => {
      const live = join(tempDir(), 'wheelhouse.db');
      const first = await startServer(live);
      const { coach, pm, roundId, seen } = await coachingData(first);
      expect(seen.wheel).toBeTruthy();
      expect(seen.plan.plan.headline).toBe('Own discovery for onboarding');

      const copy = join(tempDir(), 'nightly.db');
      const backup = await cli(['backup', copy], live);
      expect(backup.code, backup.stderr).toBe(0);
      expect(backup.stdout).toContain('by the running server');
      expect(existsSync(copy)).toBe(true);
      // The encryption keys go with it (decision 044): without them its notes cannot be read.
      expect(backup.stdout).toContain(`Its encryption keys are in ${copy}.key`);
      expect(statSync(`${copy}.key`).mode & 0o777).toBe(0o600);
      expect(statSync(copy).mode & 0o777, 'the copy is as private as the database').toBe(0o600);

      // After the backup, a second PM joins; the restored database is the moment of the backup.
      const later = await buildPm(first, coach, 'Lee Later');

      const fresh = join(tempDir(), 'restored', 'wheelhouse.db');
      const restore = await cli(['restore', copy], fresh);
      expect(restore.code, restore.stderr).toBe(0);
      expect(statSync(fresh).mode & 0o777).toBe(0o600);
      const second = await startServer(fresh);

      const again = await signIn(second, pm.email);
      expect(again.res.status, again.res.text).toBe(200);
      expect(await whatThePmSees({ ...pm, client: again.client }, roundId)).toEqual(seen);
      expect((await signIn(second, later.email)).res.status).toBe(401);
      // The server that made the backup is untouched and still has the later PM.
      expect((await signIn(first, later.email)).res.status).toBe(200);
    }, 90_000);

    it('refuses to restore over a database a server holds, then restores once it stopped, keeping the old file', async () => {
      const dir = tempDir();
      const live = join(dir, 'wheelhouse.db');
      const server = await startServer(live);
      const { pm, roundId, seen } = await coachingData(server);
      const backup = await cli(['backup'], live);
      expect(backup.code, backup.stderr).toBe(0);
      const [made] = readdirSync(join(dir, 'backups'));
      expect(made).toMatch(/^wheelhouse-\d{4}-\d\d-\d\dT[\d-]+Z\.db$/);

      const refused = await cli(['restore', join(dir, 'backups', made!)], live);
      expect(refused.code).toBe(1);
      expect(refused.stderr.trim()).toBe(
        `The database ${live} is in use by a running Wheelhouse server (or another process). Stop it, then try again.`,
      );
      // Nothing was replaced: the running server still answers from its own file.
      expect(readdirSync(dir).filter((f) => f.endsWith('.before-restore'))).toEqual([]);

      // A change after the backup, then the server stops and the backup goes back in place.
      const renamed = await pm.client.patch(`/api/pms/${pm.id}/plan`, {
        headline: 'A headline written after the backup',
      });
      expect(renamed.status, renamed.text).toBe(200);
      server.server.child.kill('SIGTERM');
      expect(await server.server.exited).toBe(0);
      expect(existsSync(`${live}.backup.sock`)).toBe(false); // a stopped server leaves no socket behind

      const restore = await cli(['restore', join(dir, 'backups', made!)], live);
      expect(restore.code, restore.stderr).toBe(0);
      const kept = readdirSync(dir).filter((f) => f.endsWith('.before-restore'));
      expect(kept).toHaveLength(1);
      expect(restore.stdout).toContain(`kept as ${join(dir, kept[0]!)}`);

      const restarted = await startServer(live);
      const again = await signIn(restarted, pm.email);
      expect(await whatThePmSees({ ...pm, client: again.client }, roundId)).toEqual(seen);
    }, 90_000);
  },
);
