import { beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../../support/client.js';
import { useTestApp } from '../../support/test-app.js';
import { buildWorld, relations, type World } from '../../support/world.js';
import { snapshot } from './snapshot.js';
import type { MatrixRow } from './types.js';

/**
 * A fresh app for each route, whose first workspace exists as in any installation after its first
 * run. Its database holds only that route's worlds, so a refusal's "nothing changed" check reads a
 * few dozen rows (one database for the whole matrix grew to thousands: 421 s on SQLite).
 */
function useFirstRunApp() {
  const app = useTestApp();
  beforeAll(async () => {
    const first = new Client(app.url);
    await first.start();
    const res = await first.post('/api/setup', {
      workspaceName: 'First',
      name: 'First Admin',
      email: 'first@example.com',
      password: 'a long test password',
    });
    if (res.status !== 200) throw new Error(`setup failed: ${res.text}`);
  });
  return app;
}

/**
 * Registers one describe per route and one test per relation. A relation that is let in gets a
 * world of its own (its request may change or use up what the world holds). The refused ones share
 * one world per route: each refusal is checked to change nothing, so the next refusal meets the
 * very same data (building and seeding a world per relation was two thirds of the matrix's time).
 */
export function runMatrix(rows: readonly MatrixRow[]) {
  for (const row of rows) {
    describe(`${row.method} ${row.path}`, () => {
      const app = useFirstRunApp();
      let refusedWorld: Promise<World> | undefined;
      for (const relation of relations) {
        const allowed = row.allowed.includes(relation);
        it(`${allowed ? 'lets in' : 'refuses'} ${relation}`, async () => {
          const world = allowed ? await buildWorld(app) : await (refusedWorld ??= buildWorld(app));
          const { path, body } = await row.request(world, relation, app);
          const before = allowed ? null : await snapshot(app.deps.db);
          const client = world.clientFor(relation);
          const res = await client.request(
            row.method,
            path,
            row.method === 'GET' || row.method === 'DELETE' ? undefined : (body ?? {}),
          );
          if (allowed) {
            expect(res.status, res.text).toBeLessThan(300);
            if (row.sees)
              expect(row.sees.find(res.body, world), `${relation} finding the item`).toBe(
                row.sees.relations.includes(relation),
              );
          } else {
            const expected = row.refusedStatus
              ? [row.refusedStatus]
              : row.coachingData
                ? [404]
                : [401, 403, 404];
            expect(expected, `${relation} got ${res.status}: ${res.text}`).toContain(res.status);
            expect(res.body?.error?.code).toBeTruthy();
            expect(await snapshot(app.deps.db), 'a refused request changed data').toEqual(before);
          }
        });
      }
    });
  }
}
