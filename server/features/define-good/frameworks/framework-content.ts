import type { FrameworkContent, FrameworkInput } from '../../../../common/wheel.js';
import { AppError } from '../../../http/errors.js';

/** Turns a name into a key: "Get it done" → "get-it-done". */
export function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents off: "Écoute" → "ecoute"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return s || 'area';
}

function unique(base: string, taken: Set<string>): string {
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  taken.add(key);
  return key;
}

/** The first free "area.n" key: statements of "team" are team.1, team.2, … */
function nextStatementKey(areaKey: string, taken: Set<string>): string {
  const base = areaKey.slice(0, 56);
  let n = 1;
  while (taken.has(`${base}.${n}`)) n++;
  taken.add(`${base}.${n}`);
  return `${base}.${n}`;
}

function assertUnique(keys: (string | undefined)[], path: (i: number) => string) {
  const seen = new Set<string>();
  keys.forEach((key, i) => {
    if (key === undefined) return;
    if (seen.has(key)) throw new AppError('validation_failed', `${path(i)}: is used twice in this framework`);
    seen.add(key);
  });
}

/**
 * Completes a saved framework: keeps the keys sent (so areas and statements keep their identity
 * across versions) and gives new areas, statements and traits a fresh key. Keys must be unique.
 */
export function assignKeys(input: FrameworkInput): FrameworkContent {
  assertUnique(
    input.areas.map((a) => a.key),
    (i) => `areas.${i}.key`,
  );
  const statementKeys = input.areas.flatMap((a, ai) =>
    a.statements.map((s, si) => ({ key: s.key, path: `areas.${ai}.statements.${si}.key` })),
  );
  assertUnique(
    statementKeys.map((s) => s.key),
    (i) => statementKeys[i]!.path,
  );
  assertUnique(
    input.traits.map((t) => t.key),
    (i) => `traits.${i}.key`,
  );

  const areaKeys = new Set(input.areas.flatMap((a) => (a.key ? [a.key] : [])));
  const takenStatements = new Set(statementKeys.flatMap((s) => (s.key ? [s.key] : [])));
  const traitKeys = new Set(input.traits.flatMap((t) => (t.key ? [t.key] : [])));
  return {
    name: input.name,
    description: input.description,
    scale: input.scale,
    areas: input.areas.map((area) => {
      const key = area.key ?? unique(slug(area.name), areaKeys);
      return {
        ...area,
        key,
        statements: area.statements.map((s) => ({
          key: s.key ?? nextStatementKey(key, takenStatements),
          text: s.text,
        })),
      };
    }),
    traits: input.traits.map((t) => ({ ...t, key: t.key ?? unique(slug(t.name), traitKeys) })),
  };
}

/** Every statement key of a framework version, in order, with its area. */
export function statementIndex(content: FrameworkContent): Map<string, string> {
  const index = new Map<string, string>();
  for (const area of content.areas) for (const s of area.statements) index.set(s.key, area.key);
  return index;
}
