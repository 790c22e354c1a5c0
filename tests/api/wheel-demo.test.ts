import { expect, it } from 'vitest';
import { Client } from '../support/client.js';
import { buildMember, buildWorkspace } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

const app = useTestApp({ perTest: true });

it('gives a newcomer a lived-in wheel: four PMs, two years of rounds, a dip and a gap', async () => {
  const visitor = new Client(app.url);
  await visitor.start();
  const res = await visitor.post('/api/demo');
  expect(res.status, res.text).toBe(200);
  expect(res.body).toMatchObject({
    setupNeeded: true,
    me: { name: 'Morgan Reyes', workspace: { isDemo: true } },
  });

  const pairs = (await visitor.get('/api/pairs')).body as { pm: { id: string; name: string } }[];
  expect(pairs.map((p) => p.pm.name).sort()).toEqual([
    'Amara Okafor',
    'Jonas Berg',
    'Lucas Ferreira',
    'Priya Natarajan',
  ]);
  const pmId = (name: string) => pairs.find((p) => p.pm.name === name)!.pm.id;

  const dips = (await visitor.get(`/api/pms/${pmId('Amara Okafor')}/dips`)).body;
  expect(dips.map((d: { areaKey: string }) => d.areaKey)).toEqual(['team']);
  expect(dips[0].note).toMatch(/sales lead/);
  const history = (await visitor.get(`/api/pms/${pmId('Amara Okafor')}/history`)).body;
  expect(history.rounds).toHaveLength(8);

  const jonasRounds = (await visitor.get(`/api/pms/${pmId('Jonas Berg')}/rounds`)).body;
  expect(jonasRounds[0]).toMatchObject({ title: 'This quarter', status: 'open', self: { submitted: false } });
  const cmp = (await visitor.get(`/api/rounds/${jonasRounds[1].id}/comparison`)).body;
  expect(cmp.perceptionGaps[0]).toMatchObject({ areaKey: 'get-it-done', higher: 'self' });
  expect(cmp.nextBiggerChallenge.coach).toBeTruthy();

  // Starting it again reuses the same demo.
  const again = new Client(app.url);
  await again.start();
  expect((await again.post('/api/demo')).body.me.id).toBe(res.body.me.id);
});

it('is refused to strangers once the installation is set up, and an admin can remove it', async () => {
  const admin = await buildWorkspace(app);
  const stranger = new Client(app.url);
  await stranger.start();
  expect((await stranger.post('/api/demo')).status).toBe(403);
  const member = await buildMember(app, admin);
  expect((await member.client.post('/api/demo')).status).toBe(403);

  // An admin starts the demo in a second browser, which then acts as the demo coach.
  const adminBrowser = new Client(app.url);
  await adminBrowser.start();
  await adminBrowser.post('/api/auth/sign-in', { email: admin.email, password: 'a long test password' });
  expect((await adminBrowser.post('/api/demo')).body.me.workspace.isDemo).toBe(true);

  expect((await member.client.delete('/api/demo')).status).toBe(403);
  expect((await admin.client.delete('/api/demo')).status).toBe(200);
  expect((await adminBrowser.get('/api/session')).body.me).toBeNull();
  const workspaces = await app.deps.db.selectFrom('workspaces').select('is_demo').execute();
  expect(workspaces.map((w) => w.is_demo)).toEqual([0]);
  expect(await app.deps.db.selectFrom('assessment_rounds').select('id').execute()).toEqual([]);
});
