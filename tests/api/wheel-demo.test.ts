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

it('tells four different stories, seen as the coach or, after a switch, as a PM', async () => {
  const visitor = new Client(app.url);
  await visitor.start();
  expect((await visitor.post('/api/demo')).status).toBe(200);
  const pairs = (await visitor.get('/api/pairs')).body as { pm: { id: string; name: string } }[];
  const headlines = new Set<string>();
  const stories: { name: string; stuck: number; lastSixMonths: Set<string> }[] = [];
  for (const { pm } of pairs) {
    headlines.add((await visitor.get(`/api/pms/${pm.id}/plan`)).body.plan.headline);
    const { colourHistory } = (await visitor.get(`/api/pms/${pm.id}/coaching-sessions`)).body as {
      colourHistory: { themes: { cells: { colour: string | null }[] }[] };
    };
    const colours = colourHistory.themes.map((t) =>
      t.cells.map((c) => c.colour).filter((c): c is string => c !== null),
    );
    stories.push({
      name: pm.name,
      // A stuck theme: held every month and never green.
      stuck: colours.filter((c) => c.length > 6 && !c.includes('green')).length,
      lastSixMonths: new Set(colours.flatMap((c) => c.slice(-6))),
    });
  }
  expect(headlines.size).toBe(4);
  expect(stories.filter((s) => s.stuck > 0).map((s) => s.name)).toEqual(['Jonas Berg']);
  // Colours move: every PM's recent months are not all green.
  for (const s of stories) expect([...s.lastSixMonths].length, s.name).toBeGreaterThan(1);

  // The switch: the same demo from a PM's side, and back.
  const asPm = await visitor.post('/api/demo?as=pm');
  expect(asPm.status, asPm.text).toBe(200);
  expect(asPm.body.me).toMatchObject({ name: 'Amara Okafor', isAdmin: false, workspace: { isDemo: true } });
  const mine = (await visitor.get(`/api/pms/${asPm.body.me.id}/dips`)).body;
  expect(mine.map((d: { areaKey: string }) => d.areaKey)).toEqual(['team']);
  const back = await visitor.post('/api/demo?as=coach');
  expect(back.body.me).toMatchObject({ name: 'Morgan Reyes', isAdmin: true });
  expect((await visitor.post('/api/demo?as=someone')).status).toBe(400);
});
