import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/test-app.js';
import { buildWorld, relations } from '../support/world.js';
import { snapshot } from './matrix/snapshot.js';
import { planRows } from './matrix/plans.js';

/**
 * The matrix accepts 401/403/404 for rows that are not pure coaching data. For the plan and the
 * vision this is sharper: the other side (who sees the plan anyway) gets 403 with a reason;
 * everyone else, signed in or not, gets exactly 404, as if there were nothing.
 */
const app = useTestApp();

const sideRows = planRows.filter((r) => !r.coachingData);

for (const row of sideRows) {
  describe(`${row.method} ${row.path}`, () => {
    it('refuses the other side with 403 and a reason, and everyone else with 404', async () => {
      const world = await buildWorld(app);
      for (const relation of relations.filter((r) => !row.allowed.includes(r))) {
        const { path, body } = await row.request(world, relation, app);
        const before = await snapshot(app.deps.db);
        const res = await world
          .clientFor(relation)
          .request(
            row.method,
            path,
            row.method === 'GET' || row.method === 'DELETE' ? undefined : (body ?? {}),
          );
        const expected = relation === 'self' || relation === 'coach' ? 403 : 404;
        expect(res.status, `${relation}: ${res.text}`).toBe(expected);
        if (expected === 403) expect(res.body.error.message.length, relation).toBeGreaterThan(20);
        expect(await snapshot(app.deps.db), `${relation} changed data`).toEqual(before);
      }
    });
  });
}
