import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { ENTRY_CHUNK_BUDGET, FIRST_LOAD_JS_BUDGET } from '../../bench/entry-budget';

// The first load stays small (issue 22): read the Vite manifest of the build (`npx vite build`,
// which scripts/test.sh runs before the tests; built here when missing) and hold the entry chunk,
// and the entry with every chunk it imports statically, to their budgets.

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const webRoot = join(projectRoot, 'dist', 'web');
const manifestFile = join(webRoot, '.vite', 'manifest.json');

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

beforeAll(async () => {
  if (existsSync(manifestFile)) return;
  const { build } = await import('vite');
  await build({ configFile: join(projectRoot, 'vite.config.ts'), logLevel: 'warn' });
}, 180_000);

const sizeOf = (chunk: ManifestChunk) => statSync(join(webRoot, chunk.file)).size;

/** The entry chunk and every chunk it loads before the app runs (static imports, followed through). */
function firstLoad(manifest: Manifest) {
  const entries = Object.entries(manifest).filter(([, c]) => c.isEntry);
  expect(entries.map(([key]) => key)).toEqual(['index.html']);
  const [key, entry] = entries[0]!;
  const seen = new Set<string>();
  const visit = (k: string) => {
    if (seen.has(k)) return;
    seen.add(k);
    for (const i of manifest[k]?.imports ?? []) visit(i);
  };
  visit(key);
  return { entry, chunks: [...seen].map((k) => manifest[k]!) };
}

describe('the first load’s JavaScript (built app)', () => {
  const manifest = () => JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;

  test(`the entry chunk stays within ${ENTRY_CHUNK_BUDGET} bytes`, () => {
    const { entry } = firstLoad(manifest());
    expect(sizeOf(entry), entry.file).toBeLessThanOrEqual(ENTRY_CHUNK_BUDGET);
  });

  test(`the entry with what it imports stays within ${FIRST_LOAD_JS_BUDGET} bytes`, () => {
    const { chunks } = firstLoad(manifest());
    const total = chunks.reduce((sum, c) => sum + sizeOf(c), 0);
    expect(total, chunks.map((c) => `${c.file} ${sizeOf(c)}`).join(', ')).toBeLessThanOrEqual(
      FIRST_LOAD_JS_BUDGET,
    );
  });
});
