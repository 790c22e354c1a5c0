import { beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/client.js';
import { useTestApp } from '../support/test-app.js';
import { buildWorld, relations } from '../support/world.js';
import { checkInRows } from './matrix/check-ins.js';
import { selfCheckRows } from './matrix/self-checks.js';
import { reflectionRows } from './matrix/reflections.js';
import { questionRows } from './matrix/questions.js';
import { coachingSessionRows } from './matrix/coaching-sessions.js';
import { foundationRows } from './matrix/foundation.js';
import { homeRows } from './matrix/home.js';
import { insightsRows } from './matrix/insights.js';
import { planRows } from './matrix/plans.js';
import { publicAddressRows } from './matrix/public-address.js';
import { wheelRows } from './matrix/wheel.js';
import { nudgeRows } from './matrix/nudges.js';
import { calendarFeedRows } from './matrix/calendar-feed.js';
import { deliveryRows } from './matrix/deliveries.js';
import { historyGrantRows } from './matrix/history-grants.js';
import { exportRows } from './matrix/export.js';
import { erasureRows } from './matrix/erasure.js';
import { singleSignOnRows } from './matrix/single-sign-on.js';
import { passwordResetRows } from './matrix/password-reset.js';
import { scimTokenRows } from './matrix/scim-tokens.js';
import type { MatrixRow } from './matrix/types.js';
import { snapshot } from './matrix/snapshot.js';

/** Every route × every relation: allowed ones get in, refused ones get refused and change nothing. */
const matrix: MatrixRow[] = [
  ...foundationRows,
  ...homeRows,
  ...planRows,
  ...wheelRows,
  ...coachingSessionRows,
  ...checkInRows,
  ...selfCheckRows,
  ...reflectionRows,
  ...questionRows,
  ...publicAddressRows,
  ...insightsRows,
  ...nudgeRows,
  ...calendarFeedRows,
  ...deliveryRows,
  ...historyGrantRows,
  ...exportRows,
  ...erasureRows,
  ...singleSignOnRows,
  ...passwordResetRows,
  ...scimTokenRows,
];

/**
 * A fresh app for each route, whose first workspace exists as in any installation after its first
 * run. Its database holds only that route's eight worlds, so a refusal's "nothing changed" check
 * reads a few dozen rows (one database for the whole matrix grew to thousands: 421 s on SQLite).
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
});

for (const row of matrix) {
  describe(`${row.method} ${row.path}`, () => {
    const app = useFirstRunApp();
    for (const relation of relations) {
      const allowed = row.allowed.includes(relation);
      it(`${allowed ? 'lets in' : 'refuses'} ${relation}`, async () => {
        const world = await buildWorld(app);
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
