import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TableManifest } from '../../server/features/manifest-types.js';
import {
  erasureAndExportProblems,
  missingCanaries,
  sealedFieldsOf,
  unclassifiedColumns,
  undeclaredTables,
  type SchemaTable,
} from '../../server/features/manifest-check.js';
import { manifests, tableManifests } from '../../server/features/manifests.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-database.js';

/**
 * Issue 18, decision 049: every table of the migrated database is declared by one feature's
 * manifest, every text column in it is sealed or clear for a stated reason, and its erasure and
 * export entries hold. Each check is also fed a planted table to show it fails.
 */
let app: TestApp;
let schema: SchemaTable[];
const tables = tableManifests as Record<string, TableManifest>;

beforeAll(async () => {
  app = await startTestApp();
  schema = (await app.deps.db.introspection.getTables()).map((t) => ({
    name: t.name,
    columns: t.columns.map((c) => ({ name: c.name, dataType: c.dataType })),
  }));
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

  it('fails when a sealed column has no canary', () => {
    const sealed = sealedFieldsOf({ ...tables, mood_diary: { ...plantedManifest, sealed: ['entry'] } });
    expect(missingCanaries(sealed, sealedFieldsOf(tables))).toEqual([
      'mood_diary.entry: sealed but no canary',
    ]);
  });
});
