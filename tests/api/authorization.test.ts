import { describe, expect, it } from 'vitest';
import { Client } from '../support/client.js';
import { useTestApp } from '../support/test-app.js';
import { matrix, MATRIX_PARTS } from './matrix/all-rows.js';

/*
 * The authorization matrix (every route × eight relations) runs in MATRIX_PARTS files,
 * authorization-part-<n>.test.ts, so it spreads over vitest's workers; this file checks that the
 * matrix covers every route the API serves.
 */
describe('the matrix', () => {
  const app = useTestApp();
  it('covers every route the API serves, and only those', async () => {
    const doc = (await new Client(app.url).get('/api/openapi.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const served = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const covered = matrix.map((r) => `${r.method} ${r.path}`);
    expect(
      served.filter((r) => !covered.includes(r)),
      'routes missing from the authorization matrix',
    ).toEqual([]);
    expect(
      covered.filter((r) => !served.includes(r)),
      'matrix rows for routes that do not exist',
    ).toEqual([]);
    expect(new Set(covered).size).toBe(covered.length);
  });

  it('is dealt whole into its part files: each part runs its own share', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('.', import.meta.url);
    const parts = readdirSync(dir)
      .map((f) => /^authorization-part-(\d+)\.test\.ts$/.exec(f))
      .filter((m) => m !== null)
      .map((m) => Number(m[1]))
      .sort((x, y) => x - y);
    expect(parts).toEqual(Array.from({ length: MATRIX_PARTS }, (_, i) => i + 1));
    for (const n of parts)
      expect(readFileSync(new URL(`authorization-part-${n}.test.ts`, dir), 'utf8')).toContain(
        `matrixPart(${n})`,
      );
  });
});
