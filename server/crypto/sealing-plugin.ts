import type { KyselyPlugin, OperationNode, QueryId, UnknownRow } from 'kysely';
import { isSealed, openValue, sealValue, type FieldPlace, type Keyring } from './field-crypto.js';

/**
 * Sealing by the query builder itself (decision 049): a value written to a sealed column by an
 * insert or update is encrypted on its way out, and a sealed value read by a query over a table
 * with sealed columns is opened on its way back. A feature then cannot forget to seal a column its
 * manifest declares. What the builder cannot see stays explicit: raw `sql` (the key sweeps read
 * and write sealed text as it is stored), values copied by a subquery, and filters or sorts on a
 * sealed column (those are done in code after reading; decision 049 lists them).
 */

/** Sealed columns by table. */
export type SealedColumns = ReadonlyMap<string, ReadonlySet<string>>;

type Node = OperationNode & Record<string, unknown>;

const tableName = (node: unknown): string | null => {
  const n = node as Node | undefined;
  if (n?.kind === 'TableNode') return (n.table as { identifier: { name: string } }).identifier.name;
  if (n?.kind === 'AliasNode') return tableName(n.node);
  return null;
};

const columnName = (node: unknown) => (node as { column: { name: string } }).column.name;

export class SealingPlugin implements KyselyPlugin {
  /** Per query: the tables it reads that have sealed columns. */
  readonly #tables = new WeakMap<QueryId, string[]>();

  constructor(
    readonly keyring: Keyring,
    readonly sealed: SealedColumns,
    /** Append-only tables: an update is never sealed here, so the database refuses it as written. */
    readonly appendOnly: ReadonlySet<string>,
  ) {}

  transformQuery: KyselyPlugin['transformQuery'] = ({ node, queryId }) => {
    // Raw SQL reads and writes text as it is stored (the key sweeps and census rely on that).
    if (node.kind === 'RawNode') return node;
    const tables = new Set<string>();
    collectTables(node, tables);
    const withSealed = [...tables].filter((t) => this.sealed.has(t));
    if (withSealed.length === 0) return node;
    this.#tables.set(queryId, withSealed);
    const n = node as unknown as Node;
    if (n.kind === 'InsertQueryNode') return this.#sealInsert(n) as never;
    if (n.kind === 'UpdateQueryNode') return this.#sealUpdate(n) as never;
    return node;
  };

  transformResult: KyselyPlugin['transformResult'] = async ({ result, queryId }) => {
    const tables = this.#tables.get(queryId);
    if (!tables || !result.rows?.length) return result;
    return { ...result, rows: result.rows.map((row) => this.#openRow(row, tables)) };
  };

  /**
   * Seals a value for its place, always: text that merely looks sealed (pasted from a dump) is
   * sealed again, so reading it back shows what was typed, never what it would open to.
   */
  #seal(place: FieldPlace, value: unknown): unknown {
    if (typeof value !== 'string' || value === '') return value;
    return sealValue(this.keyring, place, value);
  }

  #sealValueNode(place: FieldPlace, node: unknown): unknown {
    const n = node as Node;
    if (n?.kind !== 'ValueNode') return node;
    return { ...n, value: this.#seal(place, n.value) };
  }

  #sealUpdates(table: string, updates: unknown): unknown {
    const columns = this.sealed.get(table);
    if (!columns || !Array.isArray(updates)) return updates;
    return updates.map((u: Node) => {
      const column = columnName(u.column);
      return columns.has(column) ? { ...u, value: this.#sealValueNode(`${table}.${column}`, u.value) } : u;
    });
  }

  #sealInsert(n: Node): Node {
    const table = tableName(n.into);
    const columns = table ? this.sealed.get(table) : undefined;
    if (!table || !columns) return n;
    const names = ((n.columns as unknown[]) ?? []).map(columnName);
    const values = n.values as Node | undefined;
    let sealedValues: unknown = values;
    if (values?.kind === 'ValuesNode')
      sealedValues = {
        ...values,
        values: (values.values as Node[]).map((list) => {
          const items = list.values as unknown[];
          const out = items.map((v, i) => {
            const column = names[i];
            if (!column || !columns.has(column)) return v;
            const place: FieldPlace = `${table}.${column}`;
            return list.kind === 'PrimitiveValueListNode'
              ? this.#seal(place, v)
              : this.#sealValueNode(place, v);
          });
          return { ...list, values: out };
        }),
      };
    const onConflict = n.onConflict as Node | undefined;
    return {
      ...n,
      values: sealedValues,
      ...(onConflict
        ? { onConflict: { ...onConflict, updates: this.#sealUpdates(table, onConflict.updates) } }
        : {}),
    };
  }

  #sealUpdate(n: Node): Node {
    const table = tableName(n.table);
    if (!table || this.appendOnly.has(table)) return n;
    return { ...n, updates: this.#sealUpdates(table, n.updates) };
  }

  /**
   * Opens every sealed value in a row: by its column's own place first; a value under another name
   * (an alias) by the sealed columns of the query's tables. One that opens under none throws.
   */
  #openRow(row: UnknownRow, tables: string[]): UnknownRow {
    let out: UnknownRow | null = null;
    for (const [key, value] of Object.entries(row)) {
      let opened: unknown = value;
      if (typeof value === 'string' && isSealed(value)) opened = this.#open(key, value, tables);
      else if (value && typeof value === 'object') opened = this.#openNested(value, tables);
      if (opened !== value) (out ??= { ...row })[key] = opened;
    }
    return out ?? row;
  }

  /** JSON built by the query (jsonArrayFrom and the like): opened the same way. */
  #openNested(value: object, tables: string[]): unknown {
    if (Array.isArray(value)) {
      const items = value.map((v) => (v && typeof v === 'object' ? this.#openNested(v, tables) : v));
      return items.some((v, i) => v !== value[i]) ? items : value;
    }
    if (Object.getPrototypeOf(value) !== Object.prototype) return value;
    return this.#openRow(value as UnknownRow, tables);
  }

  #open(key: string, value: string, tables: string[]): string {
    const own = tables.filter((t) => this.sealed.get(t)!.has(key)).map((t): FieldPlace => `${t}.${key}`);
    const places: FieldPlace[] = own.length
      ? own
      : tables.flatMap((t) => [...this.sealed.get(t)!].map((c): FieldPlace => `${t}.${c}`));
    let failure: unknown = null;
    for (const place of places) {
      try {
        return openValue(this.keyring, place, value);
      } catch (error) {
        failure ??= error;
      }
    }
    if (failure) throw failure;
    return value;
  }
}

/** Every table a query names, anywhere in it (joins, subqueries, CTEs). */
function collectTables(node: unknown, into: Set<string>): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) collectTables(item, into);
    return;
  }
  const n = node as Node;
  if (n.kind === 'TableNode') {
    into.add((n.table as { identifier: { name: string } }).identifier.name);
    return;
  }
  if (n.kind === 'ValueNode' || n.kind === 'PrimitiveValueListNode') return;
  for (const value of Object.values(n)) if (value && typeof value === 'object') collectTables(value, into);
}
