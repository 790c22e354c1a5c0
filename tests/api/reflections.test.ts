import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../../server/util.js';
import type { Client } from '../support/client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { buildWorld, type World } from '../support/world.js';

/**
 * Reflections (issue 10): a PM's private journal and a coach's private notes. Author-only: from
 * every denied side (the coach, a former coach, another coach, another PM, the admin) a private
 * entry answers 404 exactly like a missing one; a shared reflection reaches the current coach
 * until it is unshared; a coach's note never reaches the PM through any read.
 */
let app: TestApp;
let clock = new Date();
beforeAll(async () => {
  app = await startTestApp({ now: () => clock });
});
afterAll(async () => {
  await app.close();
});

const base = (w: World) => `/api/pms/${w.pm.id}/reflections`;
const write = async (client: Client, w: World, body: Record<string, unknown>) => {
  clock = new Date(clock.getTime() + 60_000);
  const res = await client.post(base(w), body);
  expect(res.status, res.text).toBe(200);
  return res.body as { id: string; kind: string; shared: boolean; attachedTo: unknown; mine: boolean };
};
const logOf = (w: World) =>
  app.deps.db
    .selectFrom('access_log')
    .select(['actor_id', 'action', 'resource'])
    .where('pm_id', '=', w.pm.id)
    .execute();
const missingId = '00000000-0000-4000-8000-000000000000';

describe('a PM’s reflections', () => {
  it('are the author’s alone: every other side gets the same 404 as a missing entry', async () => {
    const w = await buildWorld(app);
    const entry = await write(w.pm.client, w, {
      body: 'I avoided telling Sales about the slip. Why?',
      attachedTo: { kind: 'area', id: 'team' },
    });
    expect(entry).toMatchObject({
      kind: 'reflection',
      shared: false,
      mine: true,
      attachedTo: { kind: 'area', id: 'team', label: 'Team' },
    });
    const missing = await w.pm.client.get(`${base(w)}/${missingId}`);
    expect(missing.status).toBe(404);
    for (const who of ['coach', 'formerCoach', 'otherCoach', 'otherPm', 'admin'] as const) {
      const client = w.people[who].client;
      const read = await client.get(`${base(w)}/${entry.id}`);
      expect(read.status, `${who} reading`).toBe(404);
      expect(read.body, `${who} learns nothing more than for a missing entry`).toEqual(
        (await client.get(`${base(w)}/${missingId}`)).body,
      );
      for (const [method, path, body] of [
        ['PATCH', `${base(w)}/${entry.id}`, { body: 'changed' }],
        ['PUT', `${base(w)}/${entry.id}/share`, { shared: true }],
        ['DELETE', `${base(w)}/${entry.id}`, undefined],
      ] as const) {
        const res = await client.request(method, path, body);
        expect(res.status, `${who} ${method}`).toBe(404);
      }
    }
    const coachList = await w.people.coach.client.get(base(w));
    expect(coachList.status).toBe(200);
    expect(coachList.body.entries).toEqual([]);
    // The PM's own reads and writes are no one's access to anyone: nothing in the access log.
    expect(await w.pm.client.get(`${base(w)}/${entry.id}`).then((r) => r.status)).toBe(200);
    expect((await logOf(w)).filter((e) => e.action.startsWith('reflection'))).toEqual([]);
  });

  it('shared, the current coach reads it (logged); unshared, it is a 404 again', async () => {
    const w = await buildWorld(app);
    const entry = await write(w.pm.client, w, { body: 'The roadmap review went badly.' });
    const shared = await w.pm.client.put(`${base(w)}/${entry.id}/share`, { shared: true });
    expect(shared.status, shared.text).toBe(200);
    expect(shared.body.shared).toBe(true);

    const read = await w.people.coach.client.get(`${base(w)}/${entry.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      body: 'The roadmap review went badly.',
      mine: false,
      authorSide: 'pm',
    });
    const list = await w.people.coach.client.get(base(w));
    expect(list.body.entries.map((e: { id: string }) => e.id)).toEqual([entry.id]);
    // The coach cannot change the PM's words, only read them.
    const edit = await w.people.coach.client.patch(`${base(w)}/${entry.id}`, { body: 'mine now' });
    expect(edit.status).toBe(403);
    const share = await w.people.coach.client.put(`${base(w)}/${entry.id}/share`, { shared: false });
    expect(share.status).toBe(403);
    // The former coach and the admin still find nothing.
    expect((await w.people.formerCoach.client.get(`${base(w)}/${entry.id}`)).status).toBe(404);
    expect((await w.people.admin.client.get(`${base(w)}/${entry.id}`)).status).toBe(404);
    const log = (await logOf(w)).filter((e) => e.action.startsWith('reflection'));
    expect(log).toEqual([
      { actor_id: w.people.coach.id, action: 'reflection:read', resource: 'a shared reflection' },
      { actor_id: w.people.coach.id, action: 'reflection:list', resource: 'shared reflections' },
    ]);

    const unshared = await w.pm.client.put(`${base(w)}/${entry.id}/share`, { shared: false });
    expect(unshared.body.shared).toBe(false);
    expect((await w.people.coach.client.get(`${base(w)}/${entry.id}`)).status).toBe(404);
    expect((await w.people.coach.client.get(base(w))).body.entries).toEqual([]);
  });

  it('a coach paired later does not see what was shared with the coach before', async () => {
    const w = await buildWorld(app);
    const entry = await write(w.pm.client, w, { body: 'Shared with my first coach' });
    await w.pm.client.put(`${base(w)}/${entry.id}/share`, { shared: true });
    clock = new Date(clock.getTime() + 3_600_000);
    // The other coach's pending offer is accepted now: a new current coach.
    await app.deps.db
      .updateTable('pairs')
      .set({ status: 'active', accepted_at: clock.toISOString() })
      .where('id', '=', w.pendingPairId)
      .execute();
    expect((await w.people.otherCoach.client.get(`${base(w)}/${entry.id}`)).status).toBe(404);
    expect((await w.people.coach.client.get(`${base(w)}/${entry.id}`)).status).toBe(200);
    // Shared again: now with the coaches of today.
    clock = new Date(clock.getTime() + 60_000);
    await w.pm.client.put(`${base(w)}/${entry.id}/share`, { shared: true });
    expect((await w.people.otherCoach.client.get(`${base(w)}/${entry.id}`)).status).toBe(200);
  });

  it('attachments must be the PM’s own: a theme, round or session id from elsewhere is refused', async () => {
    const w = await buildWorld(app);
    for (const attachedTo of [
      { kind: 'area', id: 'not-an-area' },
      { kind: 'theme', id: missingId },
      { kind: 'round', id: missingId },
      { kind: 'coaching-session', id: missingId },
    ]) {
      const res = await w.pm.client.post(base(w), { body: 'About what?', attachedTo });
      expect(res.status, JSON.stringify(attachedTo)).toBe(400);
      expect(res.body.error.message).toMatch(/^attachedTo: is not/);
    }
    // Another PM's plan theme is not this PM's.
    const other = await w.people.otherPm.client.post(`/api/pms/${w.people.otherPm.id}/plan`, {
      headline: 'Their plan',
      themes: [{ title: 'Their theme' }],
    });
    expect(other.status, other.text).toBe(200);
    const theirTheme = other.body.plan?.themes?.[0] ?? other.body.themes?.[0];
    const res = await w.pm.client.post(base(w), {
      body: 'Not mine',
      attachedTo: { kind: 'theme', id: theirTheme.lineageId },
    });
    expect(res.status).toBe(400);
    // The PM's own theme works, and the journal filters by it.
    const mine = await w.pm.client.post(`/api/pms/${w.pm.id}/plan`, {
      headline: 'My plan',
      themes: [{ title: 'Problem briefs' }],
    });
    const theme = mine.body.plan?.themes?.[0] ?? mine.body.themes?.[0];
    const about = await write(w.pm.client, w, {
      body: 'First brief written',
      attachedTo: { kind: 'theme', id: theme.lineageId },
    });
    await write(w.pm.client, w, { body: 'Unattached thought' });
    const filtered = await w.pm.client.get(`${base(w)}?attachedKind=theme&attachedId=${theme.lineageId}`);
    expect(filtered.body.entries.map((e: { id: string }) => e.id)).toEqual([about.id]);
    expect(filtered.body.attachable).toContainEqual({
      kind: 'theme',
      id: theme.lineageId,
      label: 'Problem briefs',
    });
  });

  it('the author edits and deletes; words are limited to a few thousand characters', async () => {
    const w = await buildWorld(app);
    const entry = await write(w.pm.client, w, { body: 'Draft' });
    const edited = await w.pm.client.patch(`${base(w)}/${entry.id}`, {
      body: 'Better words',
      attachedTo: { kind: 'area', id: 'team' },
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body).toMatchObject({ body: 'Better words', attachedTo: { id: 'team' } });
    const long = await w.pm.client.post(base(w), { body: 'x'.repeat(5001) });
    expect(long.status).toBe(400);
    expect(long.body.error.message).toMatch(/at most 5000/);
    const empty = await w.pm.client.post(base(w), { body: '   ' });
    expect(empty.status).toBe(400);
    expect((await w.pm.client.delete(`${base(w)}/${entry.id}`)).status).toBe(200);
    expect((await w.pm.client.get(`${base(w)}/${entry.id}`)).status).toBe(404);
  });
});

describe('a coach’s private notes', () => {
  it('never reach the PM, another coach or a later coach, through any read', async () => {
    const w = await buildWorld(app);
    const secret = 'Pat seems to avoid conflict with Sales — ask about it gently';
    const note = await write(w.people.coach.client, w, {
      body: secret,
      attachedTo: { kind: 'area', id: 'team' },
    });
    expect(note).toMatchObject({ kind: 'coach-note', mine: true, shared: false });
    // The coach reads their own notes; nothing lands in the PM's access log.
    const own = await w.people.coach.client.get(base(w));
    expect(own.body.entries.map((e: { id: string }) => e.id)).toEqual([note.id]);
    expect(await logOf(w)).toEqual([]);
    // A coach's note cannot be shared.
    const share = await w.people.coach.client.put(`${base(w)}/${note.id}/share`, { shared: true });
    expect(share.status).toBe(403);

    const pm = w.pm.client;
    expect((await pm.get(`${base(w)}/${note.id}`)).status).toBe(404);
    for (const [method, path, body] of [
      ['PATCH', `${base(w)}/${note.id}`, { body: 'x' }],
      ['PUT', `${base(w)}/${note.id}/share`, { shared: true }],
      ['DELETE', `${base(w)}/${note.id}`, undefined],
    ] as const) {
      expect((await pm.request(method, path, body)).status, method).toBe(404);
    }
    for (const path of [
      base(w),
      `/api/pms/${w.pm.id}/timeline`,
      `/api/pms/${w.pm.id}/wheel/export`,
      `/api/pms/${w.pm.id}/access-log`,
      `/api/pms/${w.pm.id}/plan`,
      '/api/home',
    ]) {
      const res = await pm.get(path);
      expect(res.status, path).toBe(200);
      expect(res.text, path).not.toContain('avoid conflict');
      expect(res.text, path).not.toContain(note.id);
    }
    for (const who of ['formerCoach', 'otherCoach', 'otherPm', 'admin'] as const) {
      expect((await w.people[who].client.get(`${base(w)}/${note.id}`)).status, who).toBe(404);
    }
    // The pair ends; a new coach arrives: neither reads the note.
    await app.deps.db
      .updateTable('pairs')
      .set({ status: 'ended', ended_at: nowIso() })
      .where('id', '=', w.activePairId)
      .execute();
    await app.deps.db
      .updateTable('pairs')
      .set({ status: 'active', accepted_at: nowIso() })
      .where('id', '=', w.pendingPairId)
      .execute();
    expect((await w.people.coach.client.get(`${base(w)}/${note.id}`)).status).toBe(404);
    expect((await w.people.otherCoach.client.get(`${base(w)}/${note.id}`)).status).toBe(404);
    expect((await w.people.otherCoach.client.get(base(w))).body.entries).toEqual([]);
  });
});
