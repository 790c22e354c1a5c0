import { exportKinds } from '../../common/export.js';
import { structuralColumn, type TableManifest } from './manifest-types.js';

/**
 * The completeness checks of decision 049, as plain functions over the real schema (read from a
 * migrated database) and the manifests, so a test can also feed them a planted table and see them
 * fail. Each answers the problems it found, one line each; none means complete.
 */
export interface SchemaTable {
  name: string;
  columns: readonly { name: string; dataType: string }[];
}

const isText = (dataType: string) => /text|char/i.test(dataType);

/** Tables in the database that no manifest declares, and declarations of tables that do not exist. */
export function undeclaredTables(
  schema: readonly SchemaTable[],
  manifests: Record<string, Partial<Record<string, TableManifest>>>,
): string[] {
  const owners = new Map<string, string[]>();
  for (const [feature, tables] of Object.entries(manifests))
    for (const table of Object.keys(tables)) owners.set(table, [...(owners.get(table) ?? []), feature]);
  const names = new Set(schema.map((t) => t.name));
  return [
    ...schema.filter((t) => !owners.has(t.name)).map((t) => `${t.name}: in no manifest`),
    ...[...owners]
      .filter(([, features]) => features.length > 1)
      .map(([table, features]) => `${table}: declared by ${features.join(' and ')}`),
    ...[...owners.keys()]
      .filter((t) => !names.has(t) && !sqliteOnly(manifests, t))
      .map((t) => `${t}: declared but not in the database`),
  ];
}

const sqliteOnly = (manifests: Record<string, Partial<Record<string, TableManifest>>>, table: string) =>
  Object.values(manifests).some((tables) => tables[table]?.sqliteOnly);

/**
 * Text columns that are neither sealed nor declared clear with a reason (ids, times and hashes
 * aside), declared columns that do not exist, and a column both sealed and clear.
 */
export function unclassifiedColumns(
  schema: readonly SchemaTable[],
  tables: Partial<Record<string, TableManifest>>,
): string[] {
  const problems: string[] = [];
  for (const table of schema) {
    const m = tables[table.name];
    if (!m) continue;
    const sealed = new Set<string>(m.sealed);
    const clear = new Set(Object.keys(m.clear));
    for (const c of table.columns) {
      if (!isText(c.dataType) || sealed.has(c.name) || clear.has(c.name)) continue;
      if (!structuralColumn.test(c.name))
        problems.push(`${table.name}.${c.name}: text neither sealed nor declared clear`);
    }
    const columns = new Set(table.columns.map((c) => c.name));
    for (const c of [...sealed, ...clear, ...m.key])
      if (!columns.has(c)) problems.push(`${table.name}.${c}: declared but not a column`);
    for (const c of sealed) if (clear.has(c)) problems.push(`${table.name}.${c}: both sealed and clear`);
  }
  return problems;
}

/** Erasure and export entries that do not hold: a PM's table must go with the PM, and so on. */
export function erasureAndExportProblems(
  schema: readonly SchemaTable[],
  tables: Partial<Record<string, TableManifest>>,
): string[] {
  const problems: string[] = [];
  const names = new Set(schema.map((t) => t.name));
  const claimed = new Set<string>();
  for (const table of schema) {
    const m = tables[table.name];
    if (!m) continue;
    const columns = new Set(table.columns.map((c) => c.name));
    const e = m.erasure;
    if (columns.has('pm_id') && e.goes !== 'with-pm')
      problems.push(`${table.name}: has pm_id, so it must go with the PM (erasure "with-pm")`);
    if ((e.goes === 'with-pm' || e.goes === 'with-account') && !columns.has(e.column))
      problems.push(`${table.name}: erasure by ${e.column}, which is not a column`);
    if (e.goes === 'cascade' && !names.has(e.from))
      problems.push(`${table.name}: erasure cascades from ${e.from}, which is not a table`);
    if (e.goes === 'stays' && !e.why.trim()) problems.push(`${table.name}: stays on erasure without a why`);
    if (typeof m.export === 'string') {
      if (!(exportKinds as readonly string[]).includes(m.export))
        problems.push(`${table.name}: exported as "${m.export}", which is no export kind`);
      claimed.add(m.export);
    } else if (!m.export.not.trim()) problems.push(`${table.name}: left out of the export without a why`);
  }
  for (const kind of exportKinds)
    if (!claimed.has(kind)) problems.push(`export kind ${kind}: no table declares it`);
  return problems;
}

/** Sealed columns (`table.column`) that a test names no canary for, and canaries for no column. */
export function missingCanaries(sealed: readonly string[], canaries: readonly string[]): string[] {
  const have = new Set(canaries);
  const want = new Set(sealed);
  return [
    ...sealed.filter((f) => !have.has(f)).map((f) => `${f}: sealed but no canary`),
    ...canaries.filter((f) => !want.has(f)).map((f) => `${f}: a canary for no sealed column`),
  ];
}

/** Every sealed column as `table.column`. */
export const sealedFieldsOf = (tables: Partial<Record<string, TableManifest>>): string[] =>
  Object.entries(tables).flatMap(([table, m]) => (m?.sealed ?? []).map((c) => `${table}.${c}`));

/**
 * Tables whose rows go with the PM on erasure but have no database guard refusing a new row about
 * an erased person (migration 019's `<table>_no_erased_person` triggers): a write in flight during
 * an erasure would survive it there (issue 19 row 3).
 */
export function unguardedTables(
  tables: Partial<Record<string, TableManifest>>,
  guarded: ReadonlySet<string>,
): string[] {
  return Object.entries(tables)
    .filter(([name, m]) => m?.erasure.goes === 'with-pm' && !guarded.has(name))
    .map(([name]) => `${name}: goes with the PM but a new row about an erased PM is not refused`);
}
