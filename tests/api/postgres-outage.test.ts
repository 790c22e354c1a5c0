import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/client.js';
import { buildPm, buildWorkspace, type Person } from '../support/factories.js';
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
    let coach: Person;
    const logLines: string[] = [];
    beforeAll(async () => {
      cluster = await startPostgresCluster();
      app = await startTestApp({ postgresUrl: cluster.url, logLines });
      coach = await buildWorkspace(app);
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      cluster?.stop();
    });

    it('answers 503 while the database is down and recovers without a server restart', async () => {
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

    it('keeps the secret token of a link out of the log while the database is down', async () => {
      const invitation = await coach.client.post('/api/invitations', {
        email: 'nia@example.com',
        kind: 'pm',
      });
      const token = invitation.body.link.split('/invite/')[1] as string;
      const visitor = new Client(app.url);
      await visitor.start();
      expect((await visitor.get(`/api/invitations/by-token/${token}`)).status).toBe(200);

      logLines.length = 0;
      await cluster.takeDown();
      try {
        const read = await visitor.get(`/api/invitations/by-token/${token}`);
        expect(read.status).toBe(503);
        const accept = await visitor.post(`/api/invitations/by-token/${token}/accept`, {
          name: 'Nia',
          password: 'a long enough password',
        });
        expect(accept.status).toBe(503);
        const peer = await visitor.get(`/api/peer-reviews/${token}`);
        expect(peer.status).toBe(503);
      } finally {
        await cluster.bringUp();
      }
      const warnings = logLines.filter((line) => line.includes('database unreachable'));
      expect(warnings).toHaveLength(3);
      expect(warnings.join('\n')).not.toContain(token);
      expect(warnings.join('\n')).toContain('/api/invitations/by-token/[token]/accept');
    }, 60_000);
  },
);
