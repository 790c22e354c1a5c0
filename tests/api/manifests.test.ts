import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TableManifest } from '../../server/features/manifest-types.js';
import {
  erasureAndExportProblems,
  missingCanaries,
  sealedFieldsOf,
  unclassifiedColumns,
  undeclaredTables,
  unguardedTables,
  type SchemaTable,
} from '../../server/features/manifest-check.js';
import { manifests, tableManifests } from '../../server/features/manifests.js';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-database.js';

/**
 * Issue 18, decision 049: every table of the migrated database is declared by one feature's
 * manifest, every text column in it is sealed or clear for a stated reason, and its erasure and
 * export entries hold. Each check is also fed a planted table to show it fails.
 */
let app: TestApp;
let schema: SchemaTable[];
/** Tables with a trigger refusing a new row about an erased person (migration 019). */
let guarded: Set<string>;
const tables = tableManifests as Record<string, TableManifest>;

beforeAll(async () => {
  app = await startTestApp();
  schema = (await app.deps.db.introspection.getTables()).map((t) => ({
    name: t.name,
    columns: t.columns.map((c) => ({ name: c.name, dataType: c.dataType })),
  }));
  const triggers =
    testEngine() === 'postgres'
      ? sql<{
          t: string;
          n: string;
        }>`select event_object_table as t, trigger_name as n from information_schema.triggers`
      : sql<{
          t: string;
          n: string;
        }>`select tbl_name as t, name as n from sqlite_master where type = 'trigger'`;
  const rows = (await triggers.execute(app.deps.db)).rows;
  guarded = new Set(rows.filter((r) => r.n.endsWith('_no_erased_person')).map((r) => r.t));
});

afterAll(async () => {
  await app?.close();
});

/** A new feature's table, added by a migration and forgotten everywhere else. */
const planted: SchemaTable = {
  name: 'mood_diary',
  columns: [
    { name: 'id', dataType: 'text' },
    { name: 'pm_id', dataType: 'text' },
    { name: 'entry', dataType: 'text' },
    { name: 'created_at', dataType: 'text' },
  ],
};
const plantedManifest: TableManifest = {
  key: ['id'],
  sealed: [],
  clear: {},
  erasure: { goes: 'stays', why: 'forgotten' },
  export: { not: 'forgotten' },
};

describe(`every table is declared by a feature manifest (${testEngine()})`, () => {
  it('finds the real schema', () => {
    expect(schema.map((t) => t.name)).toContain('check_ins');
    expect(schema.length).toBeGreaterThan(40);
  });

  it('declares every table once', () => {
    expect(undeclaredTables(schema, manifests)).toEqual([]);
  });

  it('fails for a planted table in no manifest', () => {
    expect(undeclaredTables([...schema, planted], manifests)).toEqual(['mood_diary: in no manifest']);
  });

  it('seals or gives a reason for every text column', () => {
    expect(unclassifiedColumns(schema, tables)).toEqual([]);
  });

  it('fails for a planted free-text column neither sealed nor declared clear', () => {
    expect(unclassifiedColumns([...schema, planted], { ...tables, mood_diary: plantedManifest })).toEqual([
      'mood_diary.entry: text neither sealed nor declared clear',
    ]);
  });

  it('has erasure and export entries that hold', () => {
    expect(erasureAndExportProblems(schema, tables)).toEqual([]);
  });

  it('fails for a planted PM table that would survive an erasure, or an unknown export kind', () => {
    expect(
      erasureAndExportProblems([...schema, planted], {
        ...tables,
        mood_diary: { ...plantedManifest, export: 'moods' as never },
      }),
    ).toEqual([
      'mood_diary: has pm_id, so it must go with the PM (erasure "with-pm")',
      'mood_diary: exported as "moods", which is no export kind',
    ]);
  });

  it('refuses, in the database, a new row about an erased PM in every table that goes with the PM', () => {
    expect(guarded.size).toBeGreaterThan(10);
    expect(unguardedTables(tables, guarded)).toEqual([]);
  });

  it('fails for a planted PM table without that guard', () => {
    const withPm: TableManifest = { ...plantedManifest, erasure: { goes: 'with-pm', column: 'pm_id' } };
    expect(unguardedTables({ ...tables, mood_diary: withPm }, guarded)).toEqual([
      'mood_diary: goes with the PM but a new row about an erased PM is not refused',
    ]);
  });

  it('fails when a sealed column has no canary', () => {
    const sealed = sealedFieldsOf({ ...tables, mood_diary: { ...plantedManifest, sealed: ['entry'] } });
    expect(missingCanaries(sealed, sealedFieldsOf(tables))).toEqual([
      'mood_diary.entry: sealed but no canary',
    ]);
  });
});
