import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPm, buildWorkspace } from '../support/factories.js';
import { startPostgresCluster } from '../support/postgres-cluster.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-database.js';

const unavailable = {
  error: {
    code: 'unavailable',
    message: 'The database is not reachable right now. Try again in a moment.',
  },
};

describe.skipIf(testEngine() !== 'postgres')(
  'a PostgreSQL restart (PostgreSQL only; on its own cluster, as other files share the run’s cluster)',
  () => {
    let cluster: Awaited<ReturnType<typeof startPostgresCluster>>;
    let app: TestApp;
    beforeAll(async () => {
      cluster = await startPostgresCluster();
      app = await startTestApp({ postgresUrl: cluster.url });
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      cluster?.stop();
    });

    it('answers 503 while the database is down and recovers without a server restart', async () => {
      const coach = await buildWorkspace(app);
      const pm = await buildPm(app, coach, 'Pat PM');
      const health = () => fetch(`${app.url}/api/health`);
      const pmPage = () => pm.client.get(`/api/pms/${pm.id}`);

      expect(await (await health()).json()).toEqual({ ok: true, db: 'postgres' });
      expect((await pmPage()).status).toBe(200);

      await cluster.takeDown();
      try {
        const down = await health();
        expect(down.status).toBe(503);
        expect(await down.json()).toEqual({ ok: false, db: 'postgres' });
        const refused = await pmPage();
        expect(refused.status).toBe(503);
        expect(refused.body).toEqual(unavailable);
        expect(refused.headers.get('retry-after')).toBe('5');
        const write = await pm.client.post(`/api/pms/${pm.id}/plan`, { headline: 'x', themes: [] });
        expect(write.status).toBe(503);
        expect(write.body).toEqual(unavailable);
      } finally {
        await cluster.bringUp();
      }

      // The same server, the same pool: the first requests after the restart succeed.
      const up = await health();
      expect(up.status).toBe(200);
      expect(await up.json()).toEqual({ ok: true, db: 'postgres' });
      const page = await pmPage();
      expect(page.status, page.text).toBe(200);
      expect(page.body).toMatchObject({ pm: { id: pm.id, name: 'Pat PM' } });
    }, 60_000);
  },
);
