import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { eraseAccessLogOf } from '../../server/privacy/access-log-erasure.js';
import { Client } from '../support/client.js';
import { buildMember, buildPm, buildWorkspace, signIn, type Person } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-database.js';

const app = useTestApp({ perTest: true });

const db = () => app.deps.db;
let counter = 0;
/** Writes `n` entries about a PM the way the app does (inserting stays allowed). */
async function entriesAbout(pm: Person, actorId: string, n = 2) {
  for (let i = 0; i < n; i++) {
    await db()
      .insertInto('access_log')
      .values({
        id: `entry-${++counter}`,
        pm_id: pm.id,
        actor_id: actorId,
        action: 'history:read',
        resource: 'history',
        at: new Date(Date.UTC(2026, 0, 1, 0, 0, counter)).toISOString(),
      })
      .execute();
  }
}
const entriesOf = async (pmId: string) =>
  (await db().selectFrom('access_log').select('id').where('pm_id', '=', pmId).orderBy('id').execute()).map(
    (r) => r.id,
  );

async function twoPms() {
  const coach = await buildWorkspace(app);
  const a = await buildPm(app, coach, 'Avery A');
  const b = await buildPm(app, coach, 'Blake B');
  await entriesAbout(a, coach.id);
  await entriesAbout(b, coach.id, 3);
  return { coach, a, b };
}

describe('the access log is append-only in the database itself', () => {
  it('refuses an ordinary UPDATE and DELETE, and leaves every entry as it was', async () => {
    const { a, b } = await twoPms();
    const before = await db().selectFrom('access_log').selectAll().orderBy('id').execute();
    await expect(
      db().updateTable('access_log').set({ resource: 'nothing to see' }).where('pm_id', '=', a.id).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db().deleteFrom('access_log').where('pm_id', '=', a.id).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(db().deleteFrom('access_log').execute()).rejects.toThrow(/append-only/);
    await expect(sql`delete from access_log where pm_id = ${b.id}`.execute(db())).rejects.toThrow(
      /append-only/,
    );
    expect(await db().selectFrom('access_log').selectAll().orderBy('id').execute()).toEqual(before);
    expect(before).toHaveLength(5);
  });

  it.runIf(testEngine() === 'postgres')('refuses TRUNCATE on PostgreSQL', async () => {
    await twoPms();
    await expect(sql`truncate access_log`.execute(db())).rejects.toThrow(/append-only/);
    await expect(sql`truncate access_log cascade`.execute(db())).rejects.toThrow(/append-only/);
    expect(await db().selectFrom('access_log').select('id').execute()).toHaveLength(5);
  });

  it('refuses to delete a person who has entries (no cascade wipes a log); one without entries goes', async () => {
    const { coach, a } = await twoPms();
    await expect(db().deleteFrom('users').where('id', '=', a.id).execute()).rejects.toThrow();
    await expect(db().deleteFrom('workspaces').execute()).rejects.toThrow();
    expect(await entriesOf(a.id)).toHaveLength(2);
    expect(await db().selectFrom('users').select('id').where('id', '=', a.id).execute()).toHaveLength(1);

    // Someone with no entries about them is an ordinary row: the log does not hold every user hostage.
    const member = await buildMember(app, coach, 'Morgan Member');
    await db().deleteFrom('users').where('id', '=', member.id).execute();
    expect(await db().selectFrom('users').select('id').where('id', '=', member.id).execute()).toEqual([]);
  });

  it('the app still writes and shows entries after the migration (the rebuilt table keeps working)', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach, 'Pat Reader');
    expect((await coach.client.get(`/api/pms/${pm.id}/history`)).status).toBe(200);
    const page = await pm.client.get(`/api/pms/${pm.id}/access-log`);
    expect(page.status, page.text).toBe(200);
    expect(JSON.stringify(page.body)).toContain('Ada Admin');
  });
});

describe('the erasure lift: the one path that removes entries', () => {
  it('deletes exactly one PM’s entries, and an ordinary DELETE is refused again after its commit', async () => {
    const { a, b } = await twoPms();
    const bEntries = await entriesOf(b.id);
    const erased = await db()
      .transaction()
      .execute((trx) => eraseAccessLogOf({ trx, pmId: a.id }));
    expect(erased).toBe(2);
    expect(await entriesOf(a.id)).toEqual([]);
    expect(await entriesOf(b.id)).toEqual(bEntries);

    await expect(db().deleteFrom('access_log').where('pm_id', '=', b.id).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(
      db()
        .transaction()
        .execute((trx) => trx.deleteFrom('access_log').where('pm_id', '=', b.id).execute()),
    ).rejects.toThrow(/append-only/);
    expect(await entriesOf(b.id)).toEqual(bEntries);
    if (testEngine() === 'sqlite')
      expect(await db().selectFrom('access_log_erasure').selectAll().execute()).toEqual([]);
  });

  it('lifts only while it runs: a later DELETE in the same transaction is refused, and the rollback keeps everything', async () => {
    const { a, b } = await twoPms();
    const before = await db().selectFrom('access_log').select('id').orderBy('id').execute();
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          expect(await eraseAccessLogOf({ trx, pmId: a.id })).toBe(2);
          expect(await trx.selectFrom('access_log').select('id').where('pm_id', '=', a.id).execute()).toEqual(
            [],
          );
          await trx.deleteFrom('access_log').where('pm_id', '=', b.id).execute();
        }),
    ).rejects.toThrow(/append-only/);
    expect(await db().selectFrom('access_log').select('id').orderBy('id').execute()).toEqual(before);
  });

  it('a lift whose transaction rolls back deletes nothing', async () => {
    const { a } = await twoPms();
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          await eraseAccessLogOf({ trx, pmId: a.id });
          throw new Error('the erasure failed later on');
        }),
    ).rejects.toThrow(/failed later/);
    expect(await entriesOf(a.id)).toHaveLength(2);
    await expect(db().deleteFrom('access_log').where('pm_id', '=', a.id).execute()).rejects.toThrow(
      /append-only/,
    );
  });

  it('refuses to run outside a transaction', async () => {
    const { a } = await twoPms();
    await expect(eraseAccessLogOf({ trx: db(), pmId: a.id })).rejects.toThrow(/inside a transaction/);
    expect(await entriesOf(a.id)).toHaveLength(2);
  });

  it.runIf(testEngine() === 'postgres')(
    'on PostgreSQL the lift is the transaction’s own: another connection is refused meanwhile',
    async () => {
      const { a, b } = await twoPms();
      await db()
        .transaction()
        .execute(async (trx) => {
          await sql`set local wheelhouse.erasing = 'on'`.execute(trx);
          await expect(db().deleteFrom('access_log').where('pm_id', '=', b.id).execute()).rejects.toThrow(
            /append-only/,
          );
          await eraseAccessLogOf({ trx, pmId: a.id });
        });
      expect(await entriesOf(a.id)).toEqual([]);
      expect(await entriesOf(b.id)).toHaveLength(3);
    },
  );

  it('a person is deleted through the lift: entries first, then the row', async () => {
    const { a, b } = await twoPms();
    await db()
      .transaction()
      .execute(async (trx) => {
        await eraseAccessLogOf({ trx, pmId: a.id });
        await trx.deleteFrom('users').where('id', '=', a.id).execute();
      });
    expect(await db().selectFrom('users').select('id').where('id', '=', a.id).execute()).toEqual([]);
    expect(await entriesOf(b.id)).toHaveLength(3);
  });
});

describe('removing the demo', () => {
  it('takes the demo’s own log with it (demo data) and leaves the real workspace’s log alone', async () => {
    const admin = await buildWorkspace(app);
    const pm = await buildPm(app, admin, 'Real Rita');
    expect((await admin.client.get(`/api/pms/${pm.id}/history`)).status).toBe(200);
    const realBefore = await entriesOf(pm.id);
    expect(realBefore.length).toBeGreaterThan(0);

    const inDemo = (await signIn(app, admin.email)).client;
    expect((await inDemo.post('/api/demo')).body.me.workspace.isDemo).toBe(true);
    const pairs = (await inDemo.get('/api/pairs')).body as { pm: { id: string } }[];
    for (const p of pairs) expect((await inDemo.get(`/api/pms/${p.pm.id}/history`)).status).toBe(200);
    const demoIds = pairs.map((p) => p.pm.id);
    const demoEntries = await db()
      .selectFrom('access_log')
      .select('id')
      .where('pm_id', 'in', demoIds)
      .execute();
    expect(demoEntries.length).toBeGreaterThanOrEqual(4);

    const removed = await admin.client.delete('/api/demo');
    expect(removed.status, removed.text).toBe(200);
    expect(await db().selectFrom('users').select('id').where('id', 'in', demoIds).execute()).toEqual([]);
    expect(await db().selectFrom('access_log').select('id').where('pm_id', 'in', demoIds).execute()).toEqual(
      [],
    );
    expect(await entriesOf(pm.id)).toEqual(realBefore);
    // The real log is still append-only afterwards.
    await expect(db().deleteFrom('access_log').where('pm_id', '=', pm.id).execute()).rejects.toThrow(
      /append-only/,
    );
  });

  it('a visitor inside the demo can remove it too, with its log', async () => {
    const visitor = new Client(app.url);
    await visitor.start();
    expect((await visitor.post('/api/demo')).status).toBe(200);
    const pairs = (await visitor.get('/api/pairs')).body as { pm: { id: string } }[];
    expect((await visitor.get(`/api/pms/${pairs[0]!.pm.id}/history`)).status).toBe(200);
    expect((await visitor.delete('/api/demo')).status).toBe(200);
    expect(await db().selectFrom('access_log').select('id').execute()).toEqual([]);
    expect(await db().selectFrom('workspaces').select('id').execute()).toEqual([]);
  });
});

describe('removing the demo while someone is still reading it (PostgreSQL)', () => {
  it.runIf(testEngine() === 'postgres')(
    'an entry written meanwhile waits for the removal and goes with the demo, instead of failing it',
    async () => {
      const { createDemo, removeDemo } = await import('../../server/features/people/demo/demo.js');
      const { workspaceId } = await createDemo({ db: db() });
      const demoPm = await db()
        .selectFrom('users')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('is_admin', '=', 0)
        .executeTakeFirstOrThrow();
      const removed = await db()
        .connection()
        .execute(async (reader) => {
          // A request in the demo writes an entry and has not committed yet.
          await sql`begin`.execute(reader);
          await reader
            .insertInto('access_log')
            .values({
              id: 'late-entry',
              pm_id: demoPm.id,
              actor_id: demoPm.id,
              action: 'history:read',
              resource: 'history',
              at: new Date().toISOString(),
            })
            .execute();
          const removal = removeDemo({ db: db() });
          // The removal waits for that request's lock on the person.
          await expect
            .poll(
              async () =>
                (
                  await sql<{ n: string }>`select count(*) as n from pg_stat_activity
                    where datname = current_database() and wait_event_type = 'Lock'`.execute(db())
                ).rows[0]!.n,
              { timeout: 10_000 },
            )
            .toBe('1');
          await sql`commit`.execute(reader);
          return removal;
        });
      expect(removed).toBe(1);
      expect(await db().selectFrom('access_log').select('id').execute()).toEqual([]);
      expect(await db().selectFrom('workspaces').select('id').execute()).toEqual([]);
    },
  );
});

describe('migration 016 on a database that already has a log', () => {
  it('keeps every entry and the index, then refuses DELETE and a cascade from the person', async () => {
    const { readdirSync } = await import('node:fs');
    const { Migrator } = await import('kysely');
    const { createTestDatabase } = await import('../support/test-database.js');
    const dir = new URL('../../server/db/migrations/', import.meta.url);
    const names = readdirSync(dir)
      .filter((f) => /^\d{3}_.*\.ts$/.test(f) && !f.endsWith('.test.ts'))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    const migrations = Object.fromEntries(
      await Promise.all(names.map(async (n) => [n, await import(new URL(`${n}.js`, dir).href)] as const)),
    );
    // A fresh database of its own, migrated to just before 016 (createTestDatabase migrates fully,
    // so the schema is emptied first on SQLite by a new file; on PostgreSQL by a new database).
    const fresh = await createTestDatabase();
    try {
      const old = fresh.db;
      await sql`drop table if exists kysely_migration`.execute(old);
      // Start over in a clean schema of the same database.
      if (testEngine() === 'postgres') {
        await sql`drop schema public cascade`.execute(old);
        await sql`create schema public`.execute(old);
      } else {
        const tables = await sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(old);
        await sql`pragma foreign_keys = off`.execute(old);
        for (const t of tables.rows) await sql`drop table ${sql.id(t.name)}`.execute(old);
        await sql`pragma foreign_keys = on`.execute(old);
      }
      const migrator = new Migrator({ db: old, provider: { getMigrations: async () => migrations } });
      const before016 = names.filter((n) => n < '016').at(-1)!;
      expect((await migrator.migrateTo(before016)).error).toBeUndefined();
      await old
        .insertInto('workspaces')
        .values({ id: 'w1', name: 'Old', is_demo: 0, created_at: '2025-01-01T00:00:00.000Z' })
        .execute();
      for (const id of ['u1', 'u2'])
        await old
          .insertInto('users')
          .values({
            id,
            workspace_id: 'w1',
            email: `${id}@example.com`,
            name: id,
            password_hash: 'x',
            is_admin: 0,
            created_at: '2025-01-01T00:00:00.000Z',
            password_changed_at: '2025-01-01T00:00:00.000Z',
          })
          .execute();
      const rows = [1, 2, 3].map((i) => ({
        id: `old-${i}`,
        pm_id: i === 3 ? 'u2' : 'u1',
        actor_id: 'u2',
        action: 'history:read',
        resource: 'history',
        at: `2025-0${i}-01T00:00:00.000Z`,
      }));
      await old.insertInto('access_log').values(rows).execute();

      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      expect(await old.selectFrom('access_log').selectAll().orderBy('id').execute()).toEqual(rows);
      const index =
        testEngine() === 'postgres'
          ? await sql`select indexname from pg_indexes where tablename = 'access_log' and indexname = 'access_log_pm_at'`.execute(
              old,
            )
          : await sql`select name from sqlite_master where type = 'index' and name = 'access_log_pm_at'`.execute(
              old,
            );
      expect(index.rows).toHaveLength(1);
      await expect(old.deleteFrom('access_log').where('id', '=', 'old-1').execute()).rejects.toThrow(
        /append-only/,
      );
      await expect(old.updateTable('access_log').set({ resource: 'x' }).execute()).rejects.toThrow(
        /append-only/,
      );
      await expect(old.deleteFrom('users').where('id', '=', 'u1').execute()).rejects.toThrow();
      expect(await old.selectFrom('access_log').select('id').execute()).toHaveLength(3);
    } finally {
      await fresh.drop();
    }
  });
});
