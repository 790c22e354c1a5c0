import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../server/util.js';
import { buildMember, buildPm, buildWorkspace, type Person } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 19, row 6: someone else's thing and a missing id must answer byte for byte the same,
 * or ids can be tested. Each request is made twice by a stranger (a coach of another PM): once
 * with the real id of someone else's thing, once with a random id.
 */
let app: TestApp;
let admin: Person;
let coach: Person;
let pm: Person;
let stranger: Person;
let sessionId = '';
let pairId = '';
let invitationId = '';

beforeAll(async () => {
  app = await startTestApp();
  admin = await buildWorkspace(app);
  coach = await buildMember(app, admin, 'Casey Coach');
  pm = await buildPm(app, coach, 'Pia PM');
  stranger = await buildMember(app, admin, 'Sam Stranger');
  await buildPm(app, stranger, 'Sam’s PM');
  const session = await coach.client.post(`/api/pms/${pm.id}/coaching-sessions`, {
    startsAt: '2027-03-01T10:00',
    timeZone: 'Europe/Berlin',
  });
  expect(session.status, session.text).toBe(200);
  sessionId = session.body.id;
  pairId = (await coach.client.get('/api/pairs')).body[0].id;
  const invitation = await coach.client.post('/api/invitations', { email: 'new-pm@example.com', kind: 'pm' });
  expect(invitation.status, invitation.text).toBe(200);
  invitationId = invitation.body.id;
});
afterAll(async () => {
  await app.close();
});

const NOT_FOUND = '{"error":{"code":"not_found","message":"That was not found."}}';

async function compare(method: string, path: (id: string) => string, realId: string, body?: unknown) {
  const real = await stranger.client.request(method, path(realId), body);
  const missing = await stranger.client.request(method, path(newId()), body);
  expect({ status: real.status, text: real.text }, `${method} ${path(':id')}`).toEqual({
    status: missing.status,
    text: missing.text,
  });
  expect(real.status).toBe(404);
}

describe('someone else’s thing answers exactly like a missing one', () => {
  it('every coaching-session route (9 of them)', async () => {
    const s = (tail: string) => (id: string) => `/api/coaching-sessions/${id}${tail}`;
    const item = newId();
    const theme = newId();
    await compare('GET', s(''), sessionId);
    await compare('PATCH', s(''), sessionId, { minutes: 30 });
    for (const verb of ['cancel', 'start', 'end']) await compare('POST', s(`/${verb}`), sessionId, {});
    await compare('POST', s('/agenda'), sessionId, { text: 'An item' });
    await compare('PATCH', s(`/agenda/${item}`), sessionId, { done: true });
    await compare('PUT', s(`/colours/${theme}`), sessionId, { colour: 'green', why: '' });
    await compare('POST', s('/next-steps'), sessionId, { text: 'A step', themeId: theme });
    await compare('PUT', s('/notes'), sessionId, { body: 'Notes' });
    await compare('PUT', s('/private-note'), sessionId, { body: 'Mine' });
  });

  it('pairs and invitations', async () => {
    for (const verb of ['accept', 'decline', 'end'])
      await compare('POST', (id) => `/api/pairs/${id}/${verb}`, pairId, {});
    await compare('DELETE', (id) => `/api/invitations/${id}`, invitationId);
  });

  it('every route with an id answers a random id with the one not-found body (OpenAPI sweep)', async () => {
    const doc = (await admin.client.get('/api/openapi.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const seen: string[] = [];
    for (const [template, methods] of Object.entries(doc.paths)) {
      if (!template.includes('{')) continue;
      const path = template
        .replace(/\{side\}/g, 'self')
        .replace(/\{version\}/g, '1')
        .replace(/\{[^}]+\}/g, () => newId());
      for (const method of Object.keys(methods)) {
        const res = await stranger.client.request(
          method.toUpperCase(),
          path,
          method === 'get' ? undefined : {},
        );
        if (res.status !== 404) continue;
        seen.push(`${method} ${template}`);
        expect.soft(res.text, `${method} ${template}`).toBe(NOT_FOUND);
      }
    }
    expect(seen.length).toBeGreaterThan(40);
  });
});
