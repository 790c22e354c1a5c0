import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LivePage } from '../support/live-page.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-database.js';
import { buildWorld, type World } from '../support/world.js';

/**
 * Issue 20: the coaching session's live page. Shared notes are a Yjs document both sides edit
 * at once over a WebSocket; everything else of the session is pushed after each change; access
 * is the rules table's, checked on opening and again whenever it may have ended.
 */
let app: TestApp;
const pages: LivePage[] = [];
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await Promise.all(pages.map((p) => p.close()));
  await app.close();
});

const today = () => new Date().toISOString().slice(0, 10);
async function sessionOf(world: World) {
  const res = await world.people.coach.client.post(`/api/pms/${world.pm.id}/coaching-sessions`, {
    startsAt: `${today()}T14:30`,
    timeZone: 'UTC',
  });
  expect(res.status, res.text).toBe(200);
  return res.body.id as string;
}
const open = (client: World['pm']['client'] | null, id: string, base = app.url, origin?: string) => {
  const page = LivePage.open(base, client, id, origin ?? base);
  pages.push(page);
  return page;
};
const logCount = async (pmId: string) =>
  Number(
    (
      await app.deps.db
        .selectFrom('access_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('pm_id', '=', pmId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe(`the live coaching session (${testEngine()})`, () => {
  it('keeps both people’s words when they type into the same line at the same moment, within a second', async () => {
    const world = await buildWorld(app);
    const id = await sessionOf(world);
    const coach = open(world.people.coach.client, id);
    const pm = open(world.pm.client, id);
    await Promise.all([coach.firstSession(), pm.firstSession()]);
    // Both start from the same (empty) notes and type at once, at the same place.
    coach.text.insert(0, 'Coach: talk about the roadmap. ');
    pm.text.insert(0, 'PM: I want to practise saying no. ');
    const started = Date.now();
    const both = (p: LivePage) =>
      p.text.toString().includes('Coach: talk about the roadmap.') &&
      p.text.toString().includes('PM: I want to practise saying no.');
    await Promise.all([coach.until(() => both(coach)), pm.until(() => both(pm))]);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(coach.text.toString()).toBe(pm.text.toString());

    // Stored: the session's notes (as the API, export and history read them) hold both lines.
    await Promise.all([coach.close(), pm.close()]);
    await expect
      .poll(async () => (await world.pm.client.get(`/api/coaching-sessions/${id}`)).body.sharedNotes, {
        timeout: 3000,
      })
      .toBe(coach.text.toString());
    // A page opened later gets the whole document back.
    const again = open(world.people.coach.client, id);
    await again.until(() => again.text.toString() === coach.text.toString());
  });

  it('stores the document sealed: updates and snapshot are encrypted, the words are nowhere in clear', async () => {
    const world = await buildWorld(app);
    const id = await sessionOf(world);
    const canary = `canary-live-notes-${Math.random().toString(36).slice(2)}`;
    const page = open(world.people.coach.client, id);
    await page.firstSession();
    page.text.insert(0, canary);
    const stored = async () =>
      (
        await sql<{
          update_data: string;
        }>`select update_data from session_notes_updates where session_id = ${id}`.execute(app.deps.db)
      ).rows.map((r) => r.update_data);
    await expect.poll(async () => (await stored()).length, { timeout: 2000 }).toBeGreaterThan(0);
    for (const value of await stored()) {
      expect(value).toMatch(/^wh1:/);
      expect(value).not.toContain(canary);
      expect(Buffer.from(value, 'base64').toString('latin1')).not.toContain(canary);
    }
    const notes = await sql<{
      shared_notes: string;
    }>`select shared_notes from coaching_sessions where id = ${id}`.execute(app.deps.db);
    await page.close();
    await expect
      .poll(async () => (await world.pm.client.get(`/api/coaching-sessions/${id}`)).body.sharedNotes)
      .toBe(canary);
    const after = await sql<{
      shared_notes: string;
    }>`select shared_notes from coaching_sessions where id = ${id}`.execute(app.deps.db);
    expect(notes.rows[0]!.shared_notes + after.rows[0]!.shared_notes).not.toContain(canary);
    expect(after.rows[0]!.shared_notes).toMatch(/^wh1:/);
  });

  it('stores the keystrokes of one moment together: fewer rows than updates, each stored within moments, none lost', async () => {
    const worlds = await Promise.all([buildWorld(app), buildWorld(app), buildWorld(app)]);
    const ids = await Promise.all(worlds.map(sessionOf));
    const pages = ids.map((id, i) => open(worlds[i]!.people.coach.client, id));
    await Promise.all(pages.map((p) => p.firstSession()));
    // Ten keystrokes on each of three pages at once: thirty updates.
    for (let k = 0; k < 10; k++) for (const page of pages) page.text.insert(page.text.length, `${k}`);
    const rows = async (id: string) =>
      (
        await sql<{
          n: number;
        }>`select count(*) as n from session_notes_updates where session_id = ${id}`.execute(app.deps.db)
      ).rows[0]!.n;
    // Stored well before the room's compaction (2 s of quiet) would store it.
    const started = Date.now();
    await expect
      .poll(async () => (await Promise.all(ids.map(rows))).every((n) => Number(n) > 0), {
        timeout: 1500,
        interval: 20,
      })
      .toBe(true);
    expect(Date.now() - started).toBeLessThan(1500);
    const counts = (await Promise.all(ids.map(rows))).map(Number);
    expect(
      counts.reduce((a, b) => a + b),
      `rows per session: ${counts.join(', ')}`,
    ).toBeLessThan(15);
    // What is stored is every keystroke: a page opened on another instance of the data reads it.
    for (const [i, id] of ids.entries()) {
      const pm = open(worlds[i]!.pm.client, id);
      await pm.until(() => pm.text.toString() === '0123456789');
    }
  });

  it('refuses a stranger, another coach, a former coach, an admin and someone signed out exactly like a session that does not exist', async () => {
    const world = await buildWorld(app);
    const id = await sessionOf(world);
    const before = await logCount(world.pm.id);
    const missing = open(world.people.coach.client, '00000000-0000-4000-8000-000000000000');
    const refusals = await Promise.all(
      [
        open(world.people.outsider.client, id),
        open(world.people.otherCoach.client, id),
        open(world.people.formerCoach.client, id),
        open(world.people.admin.client, id),
        open(world.people.otherPm.client, id),
        open(null, id),
        missing,
      ].map(async (p) => ({ closed: await p.closed, sessions: p.sessions.length, notes: p.text.toString() })),
    );
    for (const refusal of refusals)
      expect(refusal).toEqual({ closed: { code: 4404, reason: 'not found' }, sessions: 0, notes: '' });
    expect(await logCount(world.pm.id), 'a refused attempt leaves no access-log entry').toBe(before);
  });

  it('refuses a page from another origin before it opens', async () => {
    const world = await buildWorld(app);
    const id = await sessionOf(world);
    const page = open(world.pm.client, id, app.url, 'https://evil.example');
    await expect(page.opened).rejects.toThrow(/403/);
  });

  it('logs opening the page once, not each update; pushes other changes to the other page', async () => {
    const world = await buildWorld(app);
    const id = await sessionOf(world);
    const before = await logCount(world.pm.id);
    const coach = open(world.people.coach.client, id);
    await coach.firstSession();
    expect(await logCount(world.pm.id)).toBe(before + 1);
    for (const word of ['one ', 'two ', 'three ']) coach.text.insert(coach.text.length, word);
    const pm = open(world.pm.client, id);
    await pm.until(() => pm.text.toString() === 'one two three ');
    expect(await logCount(world.pm.id), 'the PM’s opening only').toBe(before + 2);

    // The PM adds an agenda item and starts the session: the coach's page is sent the session.
    const added = await world.pm.client.post(`/api/coaching-sessions/${id}/agenda`, { text: 'Saying no' });
    expect(added.status).toBe(200);
    await coach.until(() =>
      coach.sessions.some((m) => m.session.agenda.some((i: any) => i.text === 'Saying no')),
    );
    await world.pm.client.post(`/api/coaching-sessions/${id}/start`);
    await coach.until(() => coach.sessions.at(-1).session.status === 'in_progress');
    // Only the two changes themselves were logged; what the coach's page was sent was not.
    expect(await logCount(world.pm.id)).toBe(before + 4);
  });

  it('pushes a new agenda order to the other page; a stale order is refused and moves nothing', async () => {
    const world = await buildWorld(app);
    const id = await sessionOf(world);
    for (const text of ['First', 'Second', 'Third'])
      expect((await world.pm.client.post(`/api/coaching-sessions/${id}/agenda`, { text })).status).toBe(200);
    const coach = open(world.people.coach.client, id);
    await coach.firstSession();
    const texts = (session: any) =>
      session.agenda.map((i: any) => i.text).filter((t: string) => /First|Second|Third|Fourth/.test(t));
    const agenda = (await world.pm.client.get(`/api/coaching-sessions/${id}`)).body.agenda as {
      id: string;
      text: string;
    }[];
    const order = [...agenda].reverse().map((i) => i.id);
    const moved = await world.pm.client.put(`/api/coaching-sessions/${id}/agenda/order`, { itemIds: order });
    expect(moved.status, moved.text).toBe(200);
    expect(texts(moved.body)).toEqual(['Third', 'Second', 'First']);
    const started = Date.now();
    await coach.until(
      () => texts(coach.sessions.at(-1).session).join() === 'Third,Second,First',
      1000,
      'the new order',
    );
    expect(Date.now() - started).toBeLessThan(1000);

    // The coach adds an item meanwhile: the PM's order (without it) is stale.
    await world.people.coach.client.post(`/api/coaching-sessions/${id}/agenda`, { text: 'Fourth' });
    const stale = await world.pm.client.put(`/api/coaching-sessions/${id}/agenda/order`, { itemIds: order });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toBe(
      'The agenda changed meanwhile. Here it is as it is now: try again.',
    );
    const now = (await world.pm.client.get(`/api/coaching-sessions/${id}`)).body;
    expect(texts(now)).toEqual(['Third', 'Second', 'First', 'Fourth']);
    const bad = await world.pm.client.put(`/api/coaching-sessions/${id}/agenda/order`, { itemIds: ['nope'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^itemIds/);
  });

  it('merges a whole-text save (the API) into the live document', async () => {
    const world = await buildWorld(app);
    const id = await sessionOf(world);
    const coach = open(world.people.coach.client, id);
    await coach.firstSession();
    coach.text.insert(0, 'Live line.\n');
    await coach.until(() => true);
    await new Promise((r) => setTimeout(r, 100));
    const saved = await world.pm.client.put(`/api/coaching-sessions/${id}/notes`, {
      body: 'Live line.\nSaved line.',
    });
    expect(saved.status).toBe(200);
    expect(saved.body.sharedNotes).toBe('Live line.\nSaved line.');
    await coach.until(() => coach.text.toString() === 'Live line.\nSaved line.');
  });

  it('refuses an update that would take the notes over 20,000 characters; the stored notes never exceed it', async () => {
    const world = await buildWorld(app);
    const id = await sessionOf(world);
    const start = 'x'.repeat(19_990);
    expect((await world.pm.client.put(`/api/coaching-sessions/${id}/notes`, { body: start })).status).toBe(
      200,
    );
    const coach = open(world.people.coach.client, id);
    const pm = open(world.pm.client, id);
    await Promise.all([coach.firstSession(), pm.firstSession()]);
    await Promise.all([
      coach.until(() => coach.text.length === 19_990),
      pm.until(() => pm.text.length === 19_990),
    ]);
    // Eleven characters more: refused, in words the page shows; the PM never sees them.
    coach.text.insert(0, 'Too long: 1');
    await coach.until(() => coach.sessions.some((m) => m.type === 'refused'), 1000, 'the refusal');
    expect(coach.sessions.find((m) => m.type === 'refused')).toEqual({
      type: 'refused',
      reason: 'notes-too-long',
      limit: 20_000,
    });
    // Exactly ten more fit.
    pm.text.insert(pm.text.length, 'Ten chars.');
    await new Promise((r) => setTimeout(r, 200));
    expect(pm.text.toString()).toBe(`${start}Ten chars.`);
    await Promise.all([coach.close(), pm.close()]);
    await expect
      .poll(async () => (await world.pm.client.get(`/api/coaching-sessions/${id}`)).body.sharedNotes, {
        timeout: 4000,
      })
      .toBe(`${start}Ten chars.`);
    const again = open(world.people.coach.client, id);
    await again.until(() => again.text.length === 20_000);
    expect(again.text.toString()).not.toContain('Too long');
  });

  it('shows who else is on the page under the name the server knows', async () => {
    const world = await buildWorld(app);
    const id = await sessionOf(world);
    const coach = open(world.people.coach.client, id);
    const pm = open(world.pm.client, id);
    await Promise.all([coach.firstSession(), pm.firstSession()]);
    coach.awareness.setLocalStateField('user', { name: 'Someone else entirely' });
    const names = () =>
      [...pm.awareness.getStates().values()].flatMap((s: any) => (s.user ? [s.user.name] : []));
    await pm.until(() => names().includes(`Coach ${world.people.coach.email.split('-')[1]!.split('@')[0]}`));
    expect(names()).not.toContain('Someone else entirely');
    await coach.close();
    await pm.until(() => names().length === 0, 2000, 'the coach to leave');
  });

  it('closes a coach’s page at once when the pair ends, and a page whose person signs out', async () => {
    const world = await buildWorld(app);
    const id = await sessionOf(world);
    const coach = open(world.people.coach.client, id);
    const pm = open(world.pm.client, id);
    await Promise.all([coach.firstSession(), pm.firstSession()]);
    const started = Date.now();
    const ended = await world.pm.client.post(`/api/pairs/${world.activePairId}/end`);
    expect(ended.status, ended.text).toBe(200);
    expect(await coach.closed).toEqual({ code: 4403, reason: 'access ended' });
    expect(Date.now() - started).toBeLessThan(1000);
    // The PM's own page stays; the coach's typing after the end never reached it.
    expect(pm.ws.readyState).toBe(pm.ws.OPEN);
    await world.pm.client.post('/api/auth/sign-out');
    expect(await pm.closed).toEqual({ code: 4401, reason: 'signed out' });
  });

  it('keeps edits made offline and sends them when the page connects again', async () => {
    const world = await buildWorld(app);
    const id = await sessionOf(world);
    const coach = open(world.people.coach.client, id);
    await coach.firstSession();
    coach.text.insert(0, 'Before. ');
    await new Promise((r) => setTimeout(r, 100));
    await coach.close();
    // Offline: the document keeps what is typed.
    coach.text.insert(coach.text.length, 'Typed offline.');
    pages.push(LivePage.open(app.url, world.people.coach.client, id, app.url, coach.doc));
    const pm = open(world.pm.client, id);
    await pm.until(() => pm.text.toString() === 'Before. Typed offline.');
  });
});

describe.runIf(testEngine() === 'postgres')('two instances over one PostgreSQL (LISTEN/NOTIFY)', () => {
  let other: TestApp;
  beforeAll(async () => {
    other = await startTestApp({ databaseUrl: app.deps.config.databaseUrl });
  });
  afterAll(async () => {
    await other.close();
  });

  it('shows each side’s words on the other instance within a second, both kept, large pastes too', async () => {
    const world = await buildWorld(app);
    const id = await sessionOf(world);
    const coach = open(world.people.coach.client, id, app.url);
    const pm = open(world.pm.client, id, other.url);
    await Promise.all([coach.firstSession(), pm.firstSession()]);
    coach.text.insert(0, 'Coach on one. ');
    pm.text.insert(0, 'PM on two. ');
    const started = Date.now();
    const both = (p: LivePage) =>
      /Coach on one\./.test(p.text.toString()) && /PM on two\./.test(p.text.toString());
    await Promise.all([coach.until(() => both(coach)), pm.until(() => both(pm))]);
    expect(Date.now() - started).toBeLessThan(1000);
    // Over NOTIFY's 8000 bytes the event names the session; the other instance reads the store.
    const paste = 'A long pasted paragraph. '.repeat(790);
    pm.text.insert(pm.text.length, paste);
    await coach.until(() => coach.text.toString().endsWith(paste), 2000, 'the paste');
    expect(coach.text.toString()).toBe(pm.text.toString());
  });

  it('closes a coach’s page on the other instance when the pair ends', async () => {
    const world = await buildWorld(app);
    const id = await sessionOf(world);
    const coach = open(world.people.coach.client, id, other.url);
    await coach.firstSession();
    expect((await world.pm.client.post(`/api/pairs/${world.activePairId}/end`)).status).toBe(200);
    expect(await coach.closed).toEqual({ code: 4403, reason: 'access ended' });
  });

  it('pushes a change made through one instance to a page on the other', async () => {
    const world = await buildWorld(app);
    const id = await sessionOf(world);
    const coach = open(world.people.coach.client, id, other.url);
    await coach.firstSession();
    await world.pm.client.post(`/api/coaching-sessions/${id}/agenda`, { text: 'From the other instance' });
    await coach.until(() =>
      coach.sessions.some((m) => m.session.agenda.some((i: any) => i.text === 'From the other instance')),
    );
  });
});
