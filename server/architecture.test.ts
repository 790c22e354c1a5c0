import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The conventions that keep the server readable, checked on the source: who may do what is
 * decided in server/privacy only; feature folders depend on each other one way; the HTTP edge
 * knows no feature.
 */
const root = dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

const files = sourceFiles(root).map((path) => ({
  path,
  name: relative(root, path),
  text: readFileSync(path, 'utf8'),
}));

/** The server files a file imports (relative imports only). */
const importsOf = (file: (typeof files)[number]) =>
  [...file.text.matchAll(/(?:import|export)[^'"]*from\s+['"](\.[^'"]+)['"]/g)].map((m) =>
    relative(root, resolve(dirname(file.path), m[1]!.replace(/\.js$/, '.ts'))),
  );

/** Code that decides access by itself: comparing someone's id or admin flag outside the rules. */
const accessDecisions = [
  /actor\.id\s*[!=]==/,
  /[!=]==\s*actor\.id\b/,
  /\.isAdmin\b/,
  /\brelation\s*[!=]==/,
  /author_id\s*[!=]==/,
  /[!=]==\s*\w+\.author_id\b/,
  /proposed_by\s*[!=]==/,
  // Building a Viewer by hand (who someone is to the PM is found by authorize() / coachViewOf()).
  /\bcoachSince\s*:\s*[^(\s]/,
  // A visibility filter written in SQL outside privacy/visible-*.ts.
  /\.where\([^)]*\bcoachSince\b/,
  /\bhistoryVisibleFrom\(/,
];

/** Where an access decision may live: the rules tables and the request's sign-in. */
const mayDecide = (name: string) =>
  name.startsWith('privacy/') ||
  name === 'features/people/auth/sessions.ts' ||
  name === 'features/people/auth/me.ts';

describe('access decisions', () => {
  it('are made in server/privacy only', () => {
    const found = files
      .filter((f) => !mayDecide(f.name))
      .flatMap((f) =>
        f.text
          .split('\n')
          .map((line, i) => ({ line: line.trim(), at: `${f.name}:${i + 1}` }))
          .filter(({ line }) => !line.startsWith('//') && !line.startsWith('*'))
          .filter(({ line }) => accessDecisions.some((pattern) => pattern.test(line)))
          .map(({ line, at }) => `${at}  ${line}`),
      );
    expect(found, 'decide these through authorize() / authorizeWorkspace()').toEqual([]);
  });

  it('are caught by this check (it finds each planted one)', () => {
    const planted = [
      "if (comment.author_id !== actor.id) throw new AppError('forbidden', 'no');",
      "return { actorId: row.coach_id, pmId: row.pm_id, side: 'coach', coachSince: pair?.accepted_at };",
      ".where('created_at', '>=', viewer.coachSince ?? '9999')",
      "const from = historyVisibleFrom(viewer, 'nudges');",
    ];
    for (const line of planted)
      expect(
        accessDecisions.some((pattern) => pattern.test(line)),
        line,
      ).toBe(true);
  });
});

/** 'features/plan/plans/plans.ts' → 'plan/plans': a feature is named with its group. */
const featureOf = (name: string) =>
  name.startsWith('features/') ? name.split('/').slice(1, 3).join('/') : null;

/** Feature folder → the feature folders it imports. */
function featureGraph() {
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const from = featureOf(file.name);
    if (!from) continue;
    for (const target of importsOf(file)) {
      const to = featureOf(target);
      if (to && to !== from) graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
  }
  return graph;
}

/** One cycle in the graph, as a path (a → b → a), or null. */
export function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    if (state.get(node) === 'done') return null;
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

describe('the import graph', () => {
  it('has no cycle between feature folders', () => {
    expect(findCycle(featureGraph())?.join(' → ') ?? null).toBeNull();
  });

  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['plans', new Set(['wheel'])],
      ['wheel', new Set(['rounds'])],
      ['rounds', new Set(['plans'])],
    ]);
    expect(findCycle(graph)).toEqual(['plans', 'wheel', 'rounds', 'plans']);
  });

  it('keeps the HTTP edge and the privacy rules free of features', () => {
    const found = files
      .filter((f) => f.name.startsWith('http/') || f.name.startsWith('privacy/') || f.name.startsWith('db/'))
      .flatMap((f) =>
        importsOf(f)
          .filter((t) => t.startsWith('features/'))
          .map((t) => `${f.name} → ${t}`),
      );
    expect(found).toEqual([]);
  });
});
