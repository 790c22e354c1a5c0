import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/client.js';
import {
  PASSWORD,
  buildMember,
  buildPm,
  buildRound,
  buildWorkspace,
  signIn,
  type Person,
} from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { buildWorld } from '../support/world.js';
import { snapshot } from './matrix/snapshot.js';
import { inTables } from './erasure-traces.js';

/**
 * An admin removes a member (issue 11, decision 043): their pairs end at once, they leave the
 * workspace's lists and cannot be paired again; their own data stays theirs to export and erase.
 */
let app: TestApp;
let admin: Person;
beforeAll(async () => {
  app = await startTestApp();
  admin = await buildWorkspace(app);
});
afterAll(async () => {
  await app.close();
});

const remove = (by: Person, id: string) => by.client.delete(`/api/members/${id}`);

describe('an admin removes a coach', () => {
  it('ends their pairs at once: the removed coach sees no PM data any more', async () => {
    const coach = await buildMember(app, admin, 'Rita Removed');
    const pm = await buildPm(app, coach, 'Pete Stays');
    const spare = await buildMember(app, admin, 'Sam Spare');
    expect((await coach.client.post('/api/pairs', { pmId: spare.id })).status).toBe(200);
    await buildRound(pm, coach, {});
    expect((await pm.client.post(`/api/pms/${pm.id}/plan`, { headline: 'Grow' })).status).toBe(200);
    expect(
      (await coach.client.post(`/api/pms/${pm.id}/plan/comments`, { body: 'Rita likes it' })).status,
    ).toBe(200);
    expect((await coach.client.get(`/api/pms/${pm.id}/plan`)).status).toBe(200);
    const invite = await coach.client.post('/api/invitations', { email: 'later-pm@example.com', kind: 'pm' });
    const rounds = (await pm.client.get(`/api/pms/${pm.id}/rounds`)).body;

    const res = await remove(admin, coach.id);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ id: coach.id, pairsEnded: 2 });

    // Signed out; signing in again works, but every door to the PM is shut.
    expect((await coach.client.get('/api/session')).body.me).toBeNull();
    const again = await signIn(app, coach.email);
    expect(again.res.status).toBe(200);
    for (const path of ['', '/plan', '/rounds', '/reflections', '/export'])
      expect((await again.client.get(`/api/pms/${pm.id}${path}`)).status, path).toBe(404);
    const pairs = (await again.client.get('/api/pairs')).body;
    expect(pairs.map((p: { status: string }) => p.status).sort()).toEqual(['ended', 'withdrawn']);

    // Out of the workspace: not listed, not pairable, their invitations lead nowhere.
    const members = (await admin.client.get('/api/members')).body.map((m: { id: string }) => m.id);
    expect(members).not.toContain(coach.id);
    expect((await pm.client.get('/api/people')).body.map((p: { id: string }) => p.id)).not.toContain(
      coach.id,
    );
    expect((await admin.client.post('/api/pairs', { coachId: coach.id, pmId: pm.id })).status).toBe(404);
    expect((await again.client.post('/api/pairs', { pmId: pm.id })).status).toBe(404);
    const token = invite.body.link.split('/invite/')[1];
    expect((await new Client(app.url).get(`/api/invitations/by-token/${token}`)).status).toBe(404);

    // The PM's record is the PM's: the rounds and the coach's comment are still there.
    expect((await pm.client.get(`/api/pms/${pm.id}/rounds`)).body).toEqual(rounds);
    expect(JSON.stringify((await pm.client.get(`/api/pms/${pm.id}/plan`)).body)).toContain('Rita likes it');
  });
});

describe('an admin removes a PM', () => {
  it('leaves their data to them: they sign in, export it, then erase it', async () => {
    const coach = await buildMember(app, admin);
    const pm = await buildPm(app, coach, 'Quinn Leaving');
    await buildRound(pm, coach, {});
    const reflection = 'QUINN-OWN-REFLECTION-KEPT-UNTIL-ERASED';
    expect((await pm.client.post(`/api/pms/${pm.id}/reflections`, { body: reflection })).status).toBe(200);

    expect((await remove(admin, pm.id)).status).toBe(200);
    expect((await coach.client.get(`/api/pms/${pm.id}`)).status).toBe(404);

    const { client } = await signIn(app, pm.email);
    const own = (await client.get(`/api/pms/${pm.id}/reflections`)).body;
    expect(JSON.stringify(own)).toContain(reflection);
    const exported = await fetch(`${app.url}/api/pms/${pm.id}/export`, {
      headers: { cookie: `wh_session=${client.cookie('wh_session')}` },
    });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toBe('application/zip');
    await exported.arrayBuffer();

    const erased = await client.post('/api/account/erasure', { password: PASSWORD, confirm: true });
    expect(erased.status, erased.text).toBe(200);
    expect(await inTables(app, [reflection, 'Quinn Leaving', pm.email])).toEqual([]);
  });
});

describe('removal refused', () => {
  it('for a member who is not an admin: 403, nothing changes', async () => {
    const coach = await buildMember(app, admin);
    const pm = await buildPm(app, coach);
    const before = await snapshot(app.deps.db);
    const res = await remove(coach, pm.id);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe('Only a workspace admin can remove members.');
    expect(await snapshot(app.deps.db)).toEqual(before);
  });

  it('for an admin of another workspace: 404 as if the member did not exist', async () => {
    const world = await buildWorld(app);
    const before = await snapshot(app.deps.db);
    const res = await world.people.outsider.client.delete(`/api/members/${world.pm.id}`);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('That was not found.');
    expect(await snapshot(app.deps.db)).toEqual(before);
  });

  it('for an admin (step down first) and for someone already removed: 409', async () => {
    const other = await buildMember(app, admin);
    expect((await admin.client.patch(`/api/members/${other.id}`, { isAdmin: true })).status).toBe(200);
    const adminRefused = await remove(admin, other.id);
    expect(adminRefused.status).toBe(409);
    expect(adminRefused.body.error.message).toMatch(/admin rights first/);
    expect((await admin.client.patch(`/api/members/${other.id}`, { isAdmin: false })).status).toBe(200);
    expect((await remove(admin, other.id)).status).toBe(200);
    expect((await remove(admin, other.id)).status).toBe(409);
  });
});
