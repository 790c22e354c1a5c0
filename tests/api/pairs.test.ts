import { describe, expect, it } from 'vitest';
import { buildMember, buildPm, buildWorkspace } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

const app = useTestApp({ perTest: true });

describe('coaching pairs', () => {
  it('a person can coach some and be coached by someone', async () => {
    const vp = await buildWorkspace(app);
    const lead = await buildPm(app, vp, 'Lee Lead');
    const pm = await buildPm(app, lead, 'Pat PM');
    const leadPairs = (await lead.client.get('/api/pairs')).body as {
      coach: { id: string };
      pm: { id: string };
    }[];
    expect(leadPairs.map((p) => [p.coach.id, p.pm.id]).sort()).toEqual(
      [
        [lead.id, pm.id],
        [vp.id, lead.id],
      ].sort(),
    );
    expect((await lead.client.get(`/api/pms/${pm.id}`)).status).toBe(200);
    expect((await vp.client.get(`/api/pms/${pm.id}`)).status).toBe(404);
  });

  it('an offer to coach waits for the PM, who accepts it; then the coach sees the overview', async () => {
    const admin = await buildWorkspace(app);
    const coach = await buildMember(app, admin, 'Cora Coach');
    const pm = await buildMember(app, admin, 'Pat PM');
    const offer = await coach.client.post('/api/pairs', { pmId: pm.id });
    expect(offer.body.status).toBe('pending');
    expect((await coach.client.get(`/api/pms/${pm.id}`)).status).toBe(404);
    expect((await coach.client.post('/api/pairs', { pmId: pm.id })).status).toBe(409);
    expect((await coach.client.post(`/api/pairs/${offer.body.id}/accept`)).status).toBe(404);
    const accepted = await pm.client.post(`/api/pairs/${offer.body.id}/accept`);
    expect(accepted.body).toMatchObject({ status: 'active', coach: { name: 'Cora Coach' } });
    const overview = await coach.client.get(`/api/pms/${pm.id}`);
    expect(overview.body).toMatchObject({
      pm: { id: pm.id },
      viewerRelation: 'coach',
      coaches: [{ id: coach.id }],
    });
  });

  it('an admin pairs two members; the PM can decline', async () => {
    const admin = await buildWorkspace(app);
    const coach = await buildMember(app, admin);
    const pm = await buildMember(app, admin);
    const byMember = await coach.client.post('/api/pairs', { pmId: pm.id, coachId: admin.id });
    expect(byMember.status).toBe(403);
    const offer = await admin.client.post('/api/pairs', { pmId: pm.id, coachId: coach.id });
    expect(offer.body).toMatchObject({ status: 'pending', coach: { id: coach.id }, pm: { id: pm.id } });
    expect(offer.body.proposedBy).toMatchObject({ id: admin.id });
    expect((await pm.client.post(`/api/pairs/${offer.body.id}/decline`)).body.status).toBe('declined');
    // The coach sees what became of the offer, and it grants nothing.
    expect((await coach.client.get('/api/pairs')).body).toMatchObject([
      { id: offer.body.id, status: 'declined' },
    ]);
    expect((await coach.client.get(`/api/pms/${pm.id}`)).status).toBe(404);
    expect((await pm.client.post(`/api/pairs/${offer.body.id}/accept`)).status).toBe(409);
    // A withdrawn offer by the coach reads as withdrawn, and a new offer can follow.
    const again = await coach.client.post('/api/pairs', { pmId: pm.id });
    expect((await coach.client.post(`/api/pairs/${again.body.id}/decline`)).body.status).toBe('withdrawn');
  });

  it('refuses coaching yourself and pairing with someone outside the workspace', async () => {
    const admin = await buildWorkspace(app);
    const self = await admin.client.post('/api/pairs', { pmId: admin.id });
    expect(self.status).toBe(400);
    const stranger = await admin.client.post('/api/pairs', { pmId: '00000000-0000-4000-8000-000000000000' });
    expect(stranger.status).toBe(404);
  });

  it('ending a pair keeps its history but the former coach loses access at once', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach);
    await coach.client.get(`/api/pms/${pm.id}`);
    const ended = await pm.client.post(`/api/pairs/${pm.pairId}/end`);
    expect(ended.body).toMatchObject({ status: 'ended' });
    expect(ended.body.endedAt).toBeTruthy();
    const refused = await coach.client.get(`/api/pms/${pm.id}`);
    expect(refused.status).toBe(404);
    expect(refused.body.error).toEqual({ code: 'not_found', message: 'That was not found.' });
    expect((await coach.client.get('/api/pairs')).body[0]).toMatchObject({ status: 'ended' });
    expect((await pm.client.post(`/api/pairs/${pm.pairId}/end`)).status).toBe(409);
    // Still readable by the PM, and a new pairing can start later.
    expect((await pm.client.get(`/api/pms/${pm.id}`)).body.coaches).toEqual([]);
    expect((await coach.client.post('/api/pairs', { pmId: pm.id })).body.status).toBe('pending');
  });
});

describe('privacy core', () => {
  it('refusals look exactly like a PM that does not exist', async () => {
    const admin = await buildWorkspace(app);
    const coach = await buildMember(app, admin);
    const pm = await buildPm(app, coach);
    const real = await admin.client.get(`/api/pms/${pm.id}`);
    const missing = await admin.client.get('/api/pms/00000000-0000-4000-8000-000000000000');
    expect(real.status).toBe(missing.status);
    expect(real.body).toEqual(missing.body);
  });

  it('the access log records who read coaching data (never content), and only the PM reads it', async () => {
    const admin = await buildWorkspace(app);
    const coach = await buildMember(app, admin, 'Cora Coach');
    const pm = await buildPm(app, coach, 'Pat');
    await coach.client.get(`/api/pms/${pm.id}`);
    await admin.client.get(`/api/pms/${pm.id}`);
    await pm.client.get(`/api/pms/${pm.id}`);
    type Entry = { actor: { name: string }; action: string; resource: string };
    const others = (await pm.client.get(`/api/pms/${pm.id}/access-log`)).body as Entry[];
    expect(others.map((e) => [e.actor.name, e.action, e.resource])).toEqual([
      ['Cora Coach', 'overview:read', 'overview'],
    ]);
    const everyone = (await pm.client.get(`/api/pms/${pm.id}/access-log?who=everyone`)).body as Entry[];
    expect(everyone.map((e) => [e.actor.name, e.action, e.resource])).toEqual([
      ['Pat', 'overview:read', 'overview'],
      ['Cora Coach', 'overview:read', 'overview'],
    ]);
    expect((await coach.client.get(`/api/pms/${pm.id}/access-log`)).status).toBe(404);
  });

  it('concurrent reads each leave their own entry, written before the answer', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach);
    const answers = await Promise.all(
      Array.from({ length: 25 }, () => coach.client.get(`/api/pms/${pm.id}`)),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const rows = await app.deps.db
      .selectFrom('access_log')
      .select(['id', 'actor_id'])
      .where('pm_id', '=', pm.id)
      .execute();
    expect(rows.filter((r) => r.actor_id === coach.id)).toHaveLength(25);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it('the access log is append-only in the database itself', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach);
    await coach.client.get(`/api/pms/${pm.id}`);
    await expect(app.deps.db.updateTable('access_log').set({ actor_id: pm.id }).execute()).rejects.toThrow(
      /append-only/,
    );
  });

  it('the admin area lists members but no coaching data, and keeps one admin', async () => {
    const admin = await buildWorkspace(app);
    const pm = await buildPm(app, admin, 'Pat');
    const members = (await admin.client.get('/api/members')).body;
    expect(members.map((m: { name: string }) => m.name).sort()).toEqual(['Ada Admin', 'Pat']);
    expect(Object.keys(members[0]).sort()).toEqual(['createdAt', 'email', 'id', 'isAdmin', 'name']);
    const last = await admin.client.patch(`/api/members/${admin.id}`, { isAdmin: false });
    expect(last.status).toBe(409);
    expect((await admin.client.patch(`/api/members/${pm.id}`, { isAdmin: true })).body.isAdmin).toBe(true);
    expect((await admin.client.patch(`/api/members/${admin.id}`, { isAdmin: false })).body.isAdmin).toBe(
      false,
    );
    expect((await admin.client.get('/api/members')).status).toBe(403);
  });

  it('refuses in the same words as before the workspace rules table', async () => {
    const admin = await buildWorkspace(app);
    const coach = await buildMember(app, admin);
    const pm = await buildPm(app, coach);
    const other = await buildMember(app, admin);
    const error = async (res: Promise<{ status: number; body: any }>) => {
      const { status, body } = await res;
      return `${status} ${body.error?.message}`;
    };
    expect(await error(coach.client.get('/api/members'))).toBe(
      '403 Only a workspace admin can manage members.',
    );
    expect(await error(coach.client.patch(`/api/members/${pm.id}`, { isAdmin: true }))).toBe(
      '403 Only a workspace admin can manage members.',
    );
    expect(await error(coach.client.get('/api/workspace/pairs'))).toBe(
      '403 Only a workspace admin can see this.',
    );
    expect(await error(other.client.post('/api/pairs', { pmId: pm.id, coachId: coach.id }))).toBe(
      '403 Only a workspace admin can pair two other people.',
    );
    for (const action of ['accept', 'decline', 'end'])
      expect(await error(other.client.post(`/api/pairs/${pm.pairId}/${action}`))).toBe(
        '404 That was not found.',
      );
  });
});
