import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { keyIdOf, newKey, openValue, type Keyring } from '../../server/crypto/field-crypto.js';
import { formatKeys, keyFilePath } from '../../server/crypto/keys.js';
import { census, sealClearFields } from '../../server/crypto/reseal.js';
import { rotateValues, withNewKey, withoutKeys } from '../../server/crypto/rotate.js';
import { keyringOf, sealedTables, withKeyring, type SealedField } from '../../server/crypto/sealed-fields.js';
import type { Db } from '../../server/db/database.js';
import { buildPm, buildRound, buildWorkspace, signIn, type Person } from '../support/factories.js';
import { repoRoot, startServerProcess, waitForReady, type ServerProcess } from '../support/server-process.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-database.js';

/**
 * Decision 044: an older database's clear text ends up encrypted; rotation re-encrypts every
 * value under a new key in batches and the old key can then go; a server missing a key refuses
 * to start with one line.
 */

/** Every stored value of every encrypted column: `table.column:key` → the stored text. */
async function storedValues(db: Db) {
  const out = new Map<string, { field: SealedField; stored: string }>();
  for (const [table, t] of Object.entries(sealedTables))
    for (const column of t.columns) {
      const { rows } = await sql<
        Record<string, string>
      >`select ${sql.join(t.key.map((k) => sql.ref(k)))}, ${sql.ref(column)} as v from ${sql.table(table)} where ${sql.ref(column)} is not null and ${sql.ref(column)} <> ''`.execute(
        db,
      );
      for (const r of rows)
        out.set(`${table}.${column}:${t.key.map((k) => r[k]).join('/')}`, {
          field: `${table}.${column}` as SealedField,
          stored: r.v!,
        });
    }
  return out;
}

/** The clear text of every stored value, opened with `keys`. */
async function clearValues(db: Db, keys: Keyring) {
  const values = await storedValues(db);
  return new Map([...values].map(([k, v]) => [k, openValue(keys, v.field, v.stored)]));
}

/** Writes every encrypted kind of text through the API. */
async function someCoaching(app: TestApp) {
  const coach = await buildWorkspace(app);
  const pm = await buildPm(app, coach, 'Pat PM');
  const round = await buildRound(pm, coach, { selfNotes: { team: 'Hard quarter with sales' } });
  const plan = await pm.client.post(`/api/pms/${pm.id}/plan`, {
    headline: 'Own discovery',
    themes: [{ title: 'Talk to users', why: 'Guesses.', actions: [{ text: 'Lead interviews' }] }],
  });
  expect(plan.status, plan.text).toBe(200);
  for (const body of ['First comment', 'Second comment', 'Third comment'])
    expect((await pm.client.post(`/api/pms/${pm.id}/plan/comments`, { body })).status).toBe(200);
  expect((await pm.client.post(`/api/pms/${pm.id}/reflections`, { body: 'Felt heard today' })).status).toBe(
    200,
  );
  const checkIn = await pm.client.post(`/api/pms/${pm.id}/check-ins`, {
    emotions: ['calm'],
    about: { kind: 'general' },
    why: 'Launch went well',
    private: true,
  });
  expect(checkIn.status, checkIn.text).toBe(200);
  expect((await coach.client.post(`/api/pms/${pm.id}/nudges`, { text: 'How did it go?' })).status).toBe(200);
  return { coach, pm, roundId: round.id as string };
}

/** What the PM reads back through the API. */
async function whatThePmReads(pm: Person, roundId: string) {
  const get = async (path: string) => {
    const res = await pm.client.get(path);
    expect(res.status, res.text).toBe(200);
    return res.body;
  };
  return {
    comparison: await get(`/api/rounds/${roundId}/comparison`),
    plan: (await get(`/api/pms/${pm.id}/plan`)).comments,
    reflections: (await get(`/api/pms/${pm.id}/reflections`)).entries,
    checkIns: (await get(`/api/pms/${pm.id}/check-ins`)).checkIns,
    nudges: (await get(`/api/pms/${pm.id}/nudges`)).nudges,
  };
}

describe(`keys and rotation (${testEngine()})`, () => {
  let app: TestApp;
  let people: Awaited<ReturnType<typeof someCoaching>>;
  beforeAll(async () => {
    app = await startTestApp();
    people = await someCoaching(app);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('an older database with clear text ends up fully encrypted, and reads the same', async () => {
    const db = app.deps.db;
    const keys = keyringOf(db);
    const seen = await whatThePmReads(people.pm, people.roundId);
    // As an older Wheelhouse left it: every value in clear (but the access log's lines, which the
    // database lets no one rewrite to clear text; the sweep re-sealing them is the rotation test's).
    const clear = await clearValues(db, keys);
    expect(clear.size).toBeGreaterThanOrEqual(8);
    for (const [, v] of await storedValues(db)) expect(v.stored).toMatch(/^wh1:/);
    let madeClear = 0;
    for (const [id, v] of await storedValues(db)) {
      if (v.field === 'access_log.resource') continue;
      const [table, column] = v.field.split('.') as [string, string];
      const where = sql.raw(`${column} = '${v.stored}'`);
      await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${clear.get(id)} where ${where}`.execute(
        db,
      );
      madeClear++;
    }
    expect(madeClear).toBeGreaterThanOrEqual(8);
    expect((await census(db)).clear).toBe(madeClear);
    expect(await whatThePmReads(people.pm, people.roundId), 'clear values read as they are').toEqual(seen);

    expect(await sealClearFields(db)).toBe(madeClear);
    const after = await census(db);
    expect(after.clear).toBe(0);
    // The reads above logged new access-log lines: every value, old and new, is under the key.
    expect(after.byKey[keys.current]).toBeGreaterThanOrEqual(clear.size);
    expect(after.unknown).toBe(0);
    const reopened = await clearValues(db, keys);
    for (const [id, text] of clear) expect(reopened.get(id)).toBe(text);
    expect(await whatThePmReads(people.pm, people.roundId)).toEqual(seen);
    expect(await sealClearFields(db), 'a second start has nothing left to do').toBe(0);
  });

  it('rotation re-encrypts every value under a new key in batches; the old key can then go', async () => {
    const oldKeys = keyringOf(app.deps.db);
    const before = await clearValues(app.deps.db, oldKeys);
    const newKeys = withNewKey(oldKeys, new Date('2026-11-26T08:00:00Z'));
    const db = withKeyring(app.deps.db, newKeys);

    const report = await rotateValues(db, newKeys.current, 3);
    expect(report.rewritten).toBe(before.size);
    expect(report.before.byKey[oldKeys.current]).toBe(before.size);
    expect(report.after.byKey).toEqual({ [newKeys.current]: before.size, [oldKeys.current]: 0 });
    expect(report.unused).toEqual([oldKeys.current]);
    for (const [, v] of await storedValues(db))
      expect(v.stored.startsWith(`wh1:${newKeys.current}:`)).toBe(true);

    const onlyNew = withoutKeys(newKeys, report.unused);
    expect([...onlyNew.keys.keys()]).toEqual([newKeys.current]);
    expect(await clearValues(db, onlyNew)).toEqual(before);
    // The old key alone no longer opens anything: it names the key it lacks.
    const [first] = (await storedValues(db)).values();
    expect(() => openValue(oldKeys, first!.field, first!.stored)).toThrow(`key "${newKeys.current}"`);
    expect((await rotateValues(db, newKeys.current)).rewritten, 'nothing left to rotate').toBe(0);
  });

  it('counts values under a key it lacks, naming the key', async () => {
    const stranger: Keyring = { current: 'stranger', keys: new Map([['stranger', newKey()]]) };
    const found = await census(withKeyring(app.deps.db, stranger));
    expect(found.unknown).toBeGreaterThan(0);
    const [first] = (await storedValues(app.deps.db)).values();
    expect(found.unknownKeyId).toBe(keyIdOf(first!.stored));
    await expect(sealClearFields(withKeyring(app.deps.db, stranger))).rejects.toThrow(
      /stored value\(s\) are encrypted under key "[\w-]+", which this server does not have/,
    );
  });
});

describe.skipIf(testEngine() !== 'sqlite')('the key file, the server and npm run rotate-key (SQLite)', () => {
  const running: ServerProcess[] = [];
  const dirs: string[] = [];
  afterEach(() => {
    for (const s of running.splice(0)) if (s.child.exitCode === null) s.child.kill('SIGKILL');
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const start = async (databasePath: string) => {
    const server = startServerProcess({
      PORT: '0',
      DATABASE_URL: databasePath,
      WHEELHOUSE_ENCRYPTION_KEYS: '',
    });
    running.push(server);
    const port = await waitForReady(server);
    return { url: `http://127.0.0.1:${port}`, server } as unknown as TestApp & { server: ServerProcess };
  };
  const stop = async (s: { server: ServerProcess }) => {
    s.server.child.kill('SIGTERM');
    expect(await s.server.exited).toBe(0);
  };
  const rotateKey = (databasePath: string, ...args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        ['--enable-source-maps', 'scripts/start.mjs', 'rotate-key-cli', ...args],
        {
          cwd: repoRoot,
          env: { ...process.env, DATABASE_URL: databasePath, WHEELHOUSE_ENCRYPTION_KEYS: '' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });

  it('rotates with the server stopped, drops the unused key, and refuses to start without a key, in one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wheelhouse-keys-'));
    dirs.push(dir);
    const live = join(dir, 'wheelhouse.db');
    const first = await start(live);
    const { pm, roundId } = await someCoaching(first);
    const seen = await whatThePmReads(pm, roundId);
    const firstKey = readFileSync(keyFilePath(live), 'utf8');

    const refused = await rotateKey(live);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toMatch(/^The database file .* is in use by another Wheelhouse process\./);
    expect(readFileSync(keyFilePath(live), 'utf8'), 'the key file is untouched').toBe(firstKey);
    await stop(first);

    const rotated = await rotateKey(live);
    expect(rotated.code, rotated.stderr).toBe(0);
    const newId = rotated.stdout.match(/Added key (k-\d{8}-[0-9a-f]{4})/)![1]!;
    expect(rotated.stdout).toMatch(new RegExp(`Re-encrypted \\d+ values under key ${newId}\\.`));
    expect(rotated.stdout).toMatch(/No value uses k-\d{8}-[0-9a-f]{4} any more: drop with --drop-old/);
    const dropped = await rotateKey(live, '--drop-old');
    expect(dropped.code, dropped.stderr).toBe(0);
    expect(dropped.stdout).toContain('Re-encrypted 0 values');
    expect(dropped.stdout).toMatch(/Dropped k-\d{8}-[0-9a-f]{4} from /);
    expect(readFileSync(keyFilePath(live), 'utf8')).toMatch(new RegExp(`^${newId}:`, 'm'));

    const second = await start(live);
    const again = await signIn(second, pm.email);
    expect(await whatThePmReads({ ...pm, client: again.client }, roundId)).toEqual(seen);
    await stop(second);

    // The key file lost (here: replaced by another key): the server refuses, in one line.
    writeFileSync(keyFilePath(live), formatKeys({ current: 'other', keys: new Map([['other', newKey()]]) }), {
      mode: 0o600,
    });
    const third = startServerProcess({ PORT: '0', DATABASE_URL: live, WHEELHOUSE_ENCRYPTION_KEYS: '' });
    running.push(third);
    expect(await third.exited).toBe(1);
    const lines = third.output().trim().split('\n');
    expect(lines.at(-1)).toMatch(
      new RegExp(
        `^\\d+ stored value\\(s\\) are encrypted under key "${newId}", which this server does not have: restore that key`,
      ),
    );
    expect(third.output()).not.toMatch(/\n\s+at /);
  }, 120_000);
});
