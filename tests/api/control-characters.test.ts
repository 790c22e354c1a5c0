import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client } from '../support/client.js';
import { buildPm, buildWorkspace, PASSWORD } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Issue 19, row 15: CR/LF and other control characters in names and one-line fields. */
let app: TestApp;
beforeEach(async () => {
  app = await startTestApp();
});
afterEach(async () => {
  await app.close();
});

const ONE_LINE = 'must be one line, without control characters';

describe('control characters in names and one-line fields', () => {
  it('first run refuses them in the workspace name and the admin’s name, and sets nothing up', async () => {
    const client = new Client(app.url);
    await client.start();
    const setup = (over: Record<string, string>) =>
      client.post('/api/setup', {
        workspaceName: 'Acme',
        name: 'Ada Admin',
        email: 'ada@example.com',
        password: PASSWORD,
        ...over,
      });
    const cases = [
      [{ workspaceName: 'Acme\r\nBcc: everyone@example.com' }, `workspaceName: ${ONE_LINE}`],
      [{ name: 'Ada\nBEGIN:VEVENT' }, `name: ${ONE_LINE}`],
      [{ name: 'Ada\u0085Admin' }, `name: ${ONE_LINE}`],
      [{ name: 'Ada\u2028Admin' }, `name: ${ONE_LINE}`],
      [{ name: 'Ada\u0000' }, null],
    ] as const;
    for (const [over, message] of cases) {
      const res = await setup(over);
      expect(res.status, JSON.stringify(over)).toBe(400);
      if (message) expect(res.body.error.message).toBe(message);
    }
    expect((await client.get('/api/session')).body.setupNeeded).toBe(true);
    // Spaces, tabs at the ends (trimmed) and any script are fine.
    expect((await setup({ name: '  Åsa Ødegård-Ñúñez  ' })).status).toBe(200);
  });

  it('accepting an invitation refuses a name with a line break; the invitation stays open', async () => {
    const admin = await buildWorkspace(app);
    const link = (await admin.client.post('/api/invitations', { email: 'eve@example.com' })).body.link;
    const token = link.split('/invite/')[1]!;
    const visitor = new Client(app.url);
    await visitor.start();
    const res = await visitor.post(`/api/invitations/by-token/${token}/accept`, {
      name: 'Eve\r\n\r\nClick https://evil.test to keep your account',
      password: PASSWORD,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(`name: ${ONE_LINE}`);
    expect((await visitor.get(`/api/invitations/by-token/${token}`)).status).toBe(200);
    expect((await admin.client.get('/api/invitations')).body[0].status).toBe('open');
  });

  it('a one-line field of a coaching session refuses a line break', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach);
    const session = await coach.client.post(`/api/pms/${pm.id}/coaching-sessions`, {
      startsAt: '2027-03-01T10:00',
      timeZone: 'Europe/Berlin',
    });
    expect(session.status, session.text).toBe(200);
    const res = await coach.client.post(`/api/coaching-sessions/${session.body.id}/agenda`, {
      text: 'First\nSecond',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(`text: ${ONE_LINE}`);
  });

  it('a name stored with CR/LF before (older data) injects no line into a calendar feed', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach);
    const scheduled = await coach.client.post(`/api/pms/${pm.id}/coaching-sessions`, {
      startsAt: '2027-03-01T10:00',
      timeZone: 'Europe/Berlin',
    });
    expect(scheduled.status, scheduled.text).toBe(200);
    const injected =
      'Pat\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil\r\nSUMMARY:Injected\r\nEND:VEVENT\r\nBEGIN:VEVENT';
    await app.deps.db.updateTable('users').set({ name: injected }).where('id', '=', pm.id).execute();
    await app.deps.db
      .updateTable('users')
      .set({ name: 'Ada\r\nX-INJECTED:1' })
      .where('id', '=', coach.id)
      .execute();
    const feed = await coach.client.post('/api/me/calendar-feed');
    expect(feed.status, feed.text).toBe(200);
    const text = await (await fetch(feed.body.url as string)).text();
    const lines = text.split('\r\n');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines.some((l) => l.startsWith('UID:evil') || l.startsWith('X-INJECTED'))).toBe(false);
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
    expect(events).toHaveLength(1);
    expect(new ICAL.Event(events[0]).summary).toContain('Pat  END:VEVENT');
  });
});
