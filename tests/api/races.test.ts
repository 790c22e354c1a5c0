import { describe, expect, it } from 'vitest';
import { Client } from '../support/client.js';
import { PASSWORD, buildMember, buildPm, buildWorkspace } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

const app = useTestApp({ perTest: true });

/** "Only one" under parallel requests: the database's unique indexes decide, not a check before an insert. */
describe('parallel requests', () => {
  it('make one pairing from ten parallel offers, and the rest hear 409', async () => {
    const admin = await buildWorkspace(app);
    const coach = await buildMember(app, admin, 'Cora Coach');
    const pm = await buildMember(app, admin, 'Pat PM');
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => coach.client.post('/api/pairs', { pmId: pm.id })),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status !== 200).map((a) => a.status)).toEqual(Array(9).fill(409));
    const pairs = await app.deps.db
      .selectFrom('pairs')
      .select('id')
      .where('coach_id', '=', coach.id)
      .where('pm_id', '=', pm.id)
      .execute();
    expect(pairs).toHaveLength(1);
  });

  it('open one round from five parallel requests', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => coach.client.post(`/api/pms/${pm.id}/rounds`, {})),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    for (const refused of answers.filter((a) => a.status !== 200)) {
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toMatch(/still open|already open/);
    }
    const open = await app.deps.db
      .selectFrom('assessment_rounds')
      .select('id')
      .where('pm_id', '=', pm.id)
      .execute();
    expect(open).toHaveLength(1);
  });

  it('set up one workspace from ten parallel first runs; the rest hear 409', async () => {
    const clients = Array.from({ length: 10 }, () => new Client(app.url));
    await Promise.all(clients.map((c) => c.start()));
    const answers = await Promise.all(
      clients.map((client, i) =>
        client.post('/api/setup', {
          workspaceName: `Acme ${i}`,
          name: `Ada ${i}`,
          email: `ada${i}@example.com`,
          password: PASSWORD,
        }),
      ),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status !== 200).map((a) => a.status)).toEqual(Array(9).fill(409));
    const { db } = app.deps;
    expect(await db.selectFrom('workspaces').select('id').where('is_demo', '=', 0).execute()).toHaveLength(1);
    expect(await db.selectFrom('users').select('id').execute()).toHaveLength(1);
  });

  it('leave one open vision proposal from twenty parallel ones; accepting it thrice agrees once', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach, 'Pat PM');
    const base = `/api/pms/${pm.id}/vision`;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        pm.client.post(`${base}/proposals`, {
          nextBiggerChallenge: `Lead the pricing project ${i}`,
          careerDirection: 'Head of product',
        }),
      ),
    );
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(1);
    for (const refused of answers.filter((a) => a.status !== 200)) {
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toMatch(/at the same moment/);
    }
    const open = await app.deps.db
      .selectFrom('vision_proposals')
      .select('id')
      .where('pm_id', '=', pm.id)
      .where('status', '=', 'open')
      .execute();
    expect(open).toHaveLength(1);

    const accepts = await Promise.all(
      Array.from({ length: 3 }, () => coach.client.post(`${base}/proposals/${open[0]!.id}/accept`)),
    );
    expect(accepts.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    const agreed = await app.deps.db
      .selectFrom('vision_proposals')
      .select('id')
      .where('pm_id', '=', pm.id)
      .where('status', '=', 'agreed')
      .execute();
    expect(agreed).toHaveLength(1);
  });

  it('make one account from twenty parallel accepts of one invitation; the rest hear 410, never 500', async () => {
    const admin = await buildWorkspace(app);
    const invitation = await admin.client.post('/api/invitations', {
      email: 'mia@example.com',
      kind: 'member',
    });
    const token = invitation.body.link.split('/invite/')[1];
    const clients = Array.from({ length: 20 }, () => new Client(app.url));
    await Promise.all(clients.map((c) => c.start()));
    const answers = await Promise.all(
      clients.map((client, i) =>
        client.post(`/api/invitations/by-token/${token}/accept`, { name: `Mia ${i}`, password: PASSWORD }),
      ),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    for (const refused of answers.filter((a) => a.status !== 200)) {
      expect(refused.status).toBe(410);
      expect(refused.body.error.message).toMatch(/already been used/);
    }
    const accounts = await app.deps.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'mia@example.com')
      .execute();
    expect(accounts).toHaveLength(1);
  });

  it('remove a member once from ten parallel removals; the rest hear 409', async () => {
    const admin = await buildWorkspace(app);
    const member = await buildMember(app, admin, 'Mo Member');
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => admin.client.delete(`/api/members/${member.id}`)),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    for (const refused of answers.filter((a) => a.status !== 200)) {
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toMatch(/already been removed/);
    }
  });
});
