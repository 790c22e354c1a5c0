import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

// Dependencies between the web app's folders go one way: feature folders form no cycle (home
// composes the others and is the top), and the shared folders (ui/, app/) never reach into a
// feature, except where the app composes the pages.

const root = dirname(fileURLToPath(import.meta.url));

/** The only files of app/ and ui/ that import features: the app (its pairs provider) and the routes (every page). */
const composers = ['app/App.tsx', 'app/routes.tsx'];

const specifiers = [
  /\bimport\s[^'"]*?\sfrom\s*['"]([^'"]+)['"]/g, // import x from '…', import { a, b } from '…'
  /\bexport\s[^'"]*?\sfrom\s*['"]([^'"]+)['"]/g, // export { a } from '…', export * from '…'
  /\bimport\s*['"]([^'"]+)['"]/g, // import '…' (side effects, CSS)
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, // import('…')
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The file a relative specifier names ('./x' → x.ts, x.tsx, x/index.ts…), or null outside web/src. */
function resolveImport(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  const found = candidates.find((c) => existsSync(c) && statSync(c).isFile());
  if (!found) throw new Error(`${relative(root, from)} imports '${specifier}', which names no file`);
  const path = relative(root, found);
  return path.startsWith('..') ? null : path.split(sep).join('/');
}

/** Every import between files of web/src, as paths relative to it. */
function importsOf(files: string[]) {
  return files.flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    const found = new Set(specifiers.flatMap((re) => [...source.matchAll(re)].map((m) => m[1]!)));
    return [...found]
      .filter((s) => s.startsWith('.'))
      .map((s) => ({ from: relative(root, file).split(sep).join('/'), to: resolveImport(file, s) }))
      .filter((edge): edge is { from: string; to: string } => edge.to !== null);
  });
}

/** "features/plan/plans/PlanPage.tsx" → "plan/plans" (a feature with its group); null outside features/. */
const featureOf = (path: string) => /^features\/([^/]+\/[^/]+)\//.exec(path)?.[1] ?? null;

/** The folder edges between features, each with one import that makes it (for the message). */
function featureGraph(imports: { from: string; to: string }[]) {
  const graph = new Map<string, Map<string, string>>();
  for (const { from, to } of imports) {
    const [a, b] = [featureOf(from), featureOf(to)];
    if (!a || !b || a === b) continue;
    if (!graph.has(a)) graph.set(a, new Map());
    if (!graph.get(a)!.has(b)) graph.get(a)!.set(b, `${from} → ${to}`);
  }
  return graph;
}

/** A cycle of the graph as its path ["a", "b", "a"], or null when there is none. */
function findCycle(graph: Map<string, Map<string, string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    if (state.get(node) === 'done') return null;
    state.set(node, 'open');
    path.push(node);
    for (const next of [...(graph.get(node)?.keys() ?? [])].sort()) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of [...graph.keys()].sort()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

const imports = importsOf(sourceFiles(root));

/**
 * Value imports (not `import type`) from files of common/ that import zod: each would put zod and
 * its OpenAPI layer (~390 KB) into the page's JavaScript. Values the web needs live in zod-free
 * files (nudge-limits.ts, history-parts.ts).
 */
function zodValueImports(files: { path: string; source: string }[]) {
  const statement = /\bimport\s+(?!type\s)([^'"]*?)\s+from\s*['"]([^'"]*\/common\/[^'"]+)['"]/g;
  return files.flatMap(({ path: file, source }) =>
    [...source.matchAll(statement)].flatMap(([, names, specifier]) => {
      const onlyTypes =
        /^\{[^}]*\}$/.test(names!.trim()) &&
        names!
          .replace(/[{}\s]/g, '')
          .split(',')
          .filter(Boolean)
          .every((n) => n.startsWith('type'));
      if (onlyTypes) return [];
      const base = resolve(dirname(file), specifier!);
      const target = [`${base}.ts`, base.replace(/\.js$/, '.ts')].find((c) => existsSync(c));
      if (!target || !/from ['"](@hono\/zod-openapi|zod)['"]/.test(readFileSync(target, 'utf8'))) return [];
      return [`${relative(root, file)} → ${specifier}`];
    }),
  );
}

describe('the web app’s import graph', () => {
  test('the reader finds imports in every form they are written', () => {
    // A guard on the regexes: if they stopped matching, every other test here would pass vacuously.
    const from = (file: string) => imports.filter((i) => i.from === file).map((i) => i.to);
    expect(from('main.tsx')).toEqual(expect.arrayContaining(['app/App.tsx', 'styles/base.css']));
    expect(from('app/routes.tsx')).toContain('features/plan/plans/PlanPage.tsx');
    expect(featureGraph(imports).get('people/home')?.size).toBeGreaterThan(2);
  });

  test('no cycle between the feature folders', () => {
    const graph = featureGraph(imports);
    const cycle = findCycle(graph);
    const through = cycle?.slice(1).map((to, i) => `  ${graph.get(cycle[i]!)!.get(to)}`);
    expect(
      cycle,
      cycle ? `feature folders import each other: ${cycle.join(' → ')}\n${through!.join('\n')}` : '',
    ).toBeNull();
  });

  test('ui/ and app/ import no feature, except the app and its routes, which compose the pages', () => {
    const reaching = imports
      .filter(({ from, to }) => /^(ui|app)\//.test(from) && featureOf(to) && !composers.includes(from))
      .map(({ from, to }) => `${from} → ${to}`);
    expect(reaching).toEqual([]);
    // The exceptions are exactly the files that need them.
    for (const file of composers)
      expect(
        imports.some(({ from, to }) => from === file && featureOf(to)),
        `${file} imports a feature`,
      ).toBe(true);
  });

  test('no page imports a value from a common/ file that imports zod (it would ship zod to the browser)', () => {
    expect(
      zodValueImports(sourceFiles(root).map((path) => ({ path, source: readFileSync(path, 'utf8') }))),
    ).toEqual([]);
    // The reader finds such an import when there is one (so the test can fail).
    const path = join(root, 'features', 'probe', 'Probe.tsx');
    const line = (names: string, file: string) => `${'import'} ${names} from '../../../../common/${file}';\n`;
    expect(zodValueImports([{ path, source: line('{ reactionWords }', 'nudges') }])).toHaveLength(1);
    const fine = line('type { Nudge }', 'nudges') + line('{ reactionWords }', 'nudge-limits');
    expect(zodValueImports([{ path, source: fine }])).toEqual([]);
  });

  test('the cycle finder finds a cycle and its path', () => {
    const graph = (edges: [string, string][]) => {
      const g = new Map<string, Map<string, string>>();
      for (const [a, b] of edges) g.set(a, (g.get(a) ?? new Map()).set(b, `${a}→${b}`));
      return g;
    };
    expect(
      findCycle(
        graph([
          ['home', 'wheel'],
          ['wheel', 'rounds'],
        ]),
      ),
    ).toBeNull();
    expect(
      findCycle(
        graph([
          ['home', 'wheel'],
          ['wheel', 'rounds'],
          ['rounds', 'wheel'],
        ]),
      ),
    ).toEqual(['wheel', 'rounds', 'wheel']);
  });
});
