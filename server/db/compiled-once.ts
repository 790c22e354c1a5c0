import type { Compilable, CompiledQuery } from 'kysely';
import type { Db } from './database.js';

/**
 * A read of a fixed shape built and compiled once per database handle, then run with new values
 * (issue 24): building and compiling the session lookup through the plugins cost ~50 µs of CPU,
 * running it ~5 µs (bench/compile-cost.ts, decision 064). `build` is called once with marker
 * strings in place of the values; each marker's place among the compiled parameters is found and
 * filled on every call. Reads only: a write's values are sealed while it compiles, so it must be
 * built every time. Results still go through the handle's plugins (sealed values are opened).
 */
export function compiledOnce<A extends string[], R>(
  build: (db: Db, ...values: A) => Compilable<R>,
): (db: Db, ...values: A) => Promise<R[]> {
  const cache = new WeakMap<object, { compiled: CompiledQuery<R>; slots: (number | null)[] }>();
  return async (db, ...values) => {
    let entry = cache.get(db);
    if (!entry) {
      const markers = values.map((_, i) => `\u0000compiled-once-${i}\u0000`) as A;
      const compiled = build(db, ...markers).compile();
      const slots = compiled.parameters.map((p) => {
        const i = markers.indexOf(p as string);
        return i < 0 ? null : i;
      });
      if (markers.some((_, i) => !slots.includes(i)))
        throw new Error('compiledOnce: a value is not a parameter of the query (used in its shape?)');
      entry = { compiled, slots };
      cache.set(db, entry);
    }
    const { compiled, slots } = entry;
    const parameters = compiled.parameters.map((p, i) => (slots[i] === null ? p : values[slots[i]!]));
    return (await db.executeQuery<R>({ ...compiled, parameters })).rows;
  };
}
