import { describe, expect, it } from 'vitest';
import { Client } from '../support/client.js';
import { buildMember, buildPm, buildWorkspace, PASSWORD, signIn } from '../support/factories.js';
import { startTestApp, useTestApp } from '../support/test-app.js';

const app = useTestApp({ perTest: true });

describe('first run', () => {
  it('creates the workspace and an admin once, then refuses a second setup', async () => {
    const fresh = new Client(app.url);
    expect((await fresh.start()).setupNeeded).toBe(true);
    const admin = await buildWorkspace(app);
    const me = await admin.client.get('/api/session');
    expect(me.body.me).toMatchObject({ isAdmin: true, workspace: { name: 'Acme Product', isDemo: false } });

    const again = new Client(app.url);
    expect((await again.start()).setupNeeded).toBe(false);
    const res = await again.post('/api/setup', {
      workspaceName: 'X',
      name: 'Y',
      email: 'y@example.com',
      password: PASSWORD,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
  });

  it('names each invalid field and creates nothing', async () => {
    const c = new Client(app.url);
    await c.start();
    const res = await c.post('/api/setup', { workspaceName: '', email: 'not-an-email', password: 'short' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message).toContain('workspaceName');
    expect(res.body.error.message).toContain('name: is required');
    expect(res.body.error.message).toContain('email: is not a valid email address');
    expect(res.body.error.message).toContain('password: must be at least 10 characters');
    expect((await c.start()).setupNeeded).toBe(true);
  });
});

describe('sessions', () => {
  it('signs in with a new token each time, signs out, and rejects a wrong password', async () => {
    const admin = await buildWorkspace(app);
    const a = await signIn(app, admin.email);
    const b = await signIn(app, admin.email);
    expect(a.res.status).toBe(200);
    expect(a.client.cookie('wh_session')).toBeTruthy();
    expect(a.client.cookie('wh_session')).not.toBe(b.client.cookie('wh_session'));
    expect(a.res.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(a.res.headers.get('set-cookie')).toMatch(/SameSite=Lax/i);

    const wrong = await signIn(app, admin.email, 'wrong password!');
    expect(wrong.res.status).toBe(401);
    expect(wrong.res.body.error.code).toBe('invalid_credentials');
    expect(wrong.res.body.error.message).toBe('That email and password do not match an account.');
    const unknown = await signIn(app, 'nobody@example.com', 'wrong password!');
    expect(unknown.res.body.error.message).toBe(wrong.res.body.error.message);

    const out = await a.client.post('/api/auth/sign-out');
    expect(out.body).toMatchObject({ me: null, setupNeeded: false });
    expect((await a.client.get('/api/session')).body.me).toBeNull();
    expect((await b.client.get('/api/session')).body.me).not.toBeNull();
  });

  it('ends every session on password change and keeps the changer signed in', async () => {
    const admin = await buildWorkspace(app);
    const other = await signIn(app, admin.email);
    const wrong = await admin.client.post('/api/auth/password', {
      currentPassword: 'not it at all',
      newPassword: 'a brand new password',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toContain('currentPassword');

    const res = await admin.client.post('/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'a brand new password',
    });
    expect(res.status).toBe(200);
    expect((await admin.client.get('/api/session')).body.me.id).toBe(admin.id);
    expect((await other.client.get('/api/session')).body.me).toBeNull();
    expect((await signIn(app, admin.email)).res.status).toBe(401);
    expect((await signIn(app, admin.email, 'a brand new password')).res.status).toBe(200);
  });

  it('marks cookies Secure and __Host- when Wheelhouse is reached over https', async () => {
    const httpsApp = await startTestApp({ publicUrl: 'https://wheelhouse.example.com' });
    try {
      const fresh = new Client(httpsApp.url);
      const first = await fresh.get('/api/session');
      expect(first.headers.get('set-cookie')).toMatch(/^__Host-wh_csrf=.*; Secure/i);
      const admin = await buildWorkspace(httpsApp);
      const res = await signIn(httpsApp, admin.email);
      expect(res.res.headers.get('set-cookie')).toMatch(/^__Host-wh_session=.*; Secure/i);
      // The prefixed cookies work: the session signs the person in, and a cookie without it does not.
      expect((await res.client.get('/api/session')).body.me.id).toBe(admin.id);
      const plain = new Client(httpsApp.url).useSession(res.client.cookie('__Host-wh_session')!, '');
      expect((await plain.get('/api/session')).body.me).toBeNull();
    } finally {
      await httpsApp.close();
    }
  });

  it('ends an idle session and an expired one', async () => {
    const admin = await buildWorkspace(app);
    const other = await signIn(app, admin.email);
    const longAgo = new Date(Date.now() - 4 * 24 * 3600 * 1000).toISOString();
    await app.deps.db
      .updateTable('sessions')
      .set({ last_seen_at: longAgo })
      .where('user_id', '=', admin.id)
      .execute();
    expect((await admin.client.get('/api/session')).body.me).toBeNull();
    expect((await other.client.get('/api/session')).body.me).toBeNull();

    const again = await signIn(app, admin.email);
    await app.deps.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    expect((await again.client.get('/api/session')).body.me).toBeNull();
  });
});

describe('the session names the person’s roles (the menu is drawn whole at once)', () => {
  it('a PM once coached, a coach while a pair is active; an open offer makes neither', async () => {
    const admin = await buildWorkspace(app);
    const coach = await buildMember(app, admin, 'Cora Coach');
    const roles = async (person: { client: Client }) =>
      ((await person.client.get('/api/session')).body as { me: { roles: unknown } }).me.roles;
    expect(await roles(coach)).toEqual({ isPm: false, coaches: false });

    const colleague = await buildMember(app, admin, 'Sam Member');
    expect((await coach.client.post('/api/pairs', { pmId: colleague.id })).status).toBe(200);
    expect(await roles(coach)).toEqual({ isPm: false, coaches: false });
    expect(await roles(colleague)).toEqual({ isPm: false, coaches: false });

    const pm = await buildPm(app, coach, 'Pat Park');
    expect(await roles(pm)).toEqual({ isPm: true, coaches: false });
    expect(await roles(coach)).toEqual({ isPm: false, coaches: true });

    // Ended: Pat keeps a PM's menu (the wheel and plan stay theirs), Cora no longer coaches.
    expect((await coach.client.post(`/api/pairs/${pm.pairId}/end`, {})).status).toBe(200);
    expect(await roles(pm)).toEqual({ isPm: true, coaches: false });
    expect(await roles(coach)).toEqual({ isPm: false, coaches: false });
  });
});

describe('CSRF', () => {
  it('refuses a write without the token, with a wrong one, or from another site', async () => {
    const admin = await buildWorkspace(app);
    const none = await admin.client.request(
      'POST',
      '/api/invitations',
      { email: 'a@example.com' },
      { 'x-csrf-token': '' },
    );
    expect(none.status).toBe(403);
    expect(none.body.error.code).toBe('csrf_failed');
    const wrong = await admin.client.request(
      'POST',
      '/api/invitations',
      { email: 'a@example.com' },
      { 'x-csrf-token': 'nope' },
    );
    expect(wrong.status).toBe(403);
    const foreign = await admin.client.request(
      'POST',
      '/api/invitations',
      { email: 'a@example.com' },
      { origin: 'https://evil.example' },
    );
    expect(foreign.status).toBe(403);
    expect((await admin.client.get('/api/invitations')).body).toEqual([]);
  });

  it('protects sign-in before there is a session (double-submit cookie)', async () => {
    const admin = await buildWorkspace(app);
    const c = new Client(app.url);
    const res = await c.post('/api/auth/sign-in', { email: admin.email, password: PASSWORD });
    expect(res.status).toBe(403);
  });
});

describe('sign-in limits', () => {
  it('blocks an address after repeated failures, for the account only briefly, and keeps the count in the database', async () => {
    const admin = await buildWorkspace(app);
    for (let i = 0; i < 5; i++)
      expect((await signIn(app, admin.email, 'wrong password!')).res.status).toBe(401);
    const blocked = await signIn(app, admin.email);
    expect(blocked.res.status).toBe(429);
    expect(blocked.res.body.error.code).toBe('rate_limited');
    expect(Number(blocked.res.headers.get('retry-after'))).toBeGreaterThan(60);
    const rows = await app.deps.db.selectFrom('sign_in_throttle').selectAll().execute();
    expect(rows.some((r) => r.key.startsWith('account-address:') && r.blocked_until)).toBe(true);
    // The account itself is not blocked from elsewhere: only the account-from-this-address key is.
    expect(rows.find((r) => r.key === `account:${admin.email}`)?.blocked_until ?? null).toBeNull();
  });

  it('lets the person back in once the block has passed', async () => {
    const admin = await buildWorkspace(app);
    for (let i = 0; i < 5; i++) await signIn(app, admin.email, 'wrong password!');
    expect((await signIn(app, admin.email)).res.status).toBe(429);
    await app.deps.db
      .updateTable('sign_in_throttle')
      .set({ blocked_until: new Date(Date.now() - 1000).toISOString() })
      .execute();
    expect((await signIn(app, admin.email)).res.status).toBe(200);
  });
});

describe('edge', () => {
  it('answers health, security headers, JSON errors for bad bodies and unknown routes', async () => {
    const health = await new Client(app.url).get('/api/health');
    expect(health.body).toEqual({ ok: true, db: app.deps.engine });
    expect(health.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(health.headers.get('x-frame-options')).toBe('DENY');
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');

    const admin = await buildWorkspace(app);
    const bad = await admin.client.request('POST', '/api/invitations', '{not json', {
      'content-type': 'application/json',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toEqual({ code: 'bad_request', message: 'The request body is not valid JSON.' });
    const big = await admin.client.post('/api/invitations', {
      email: 'a@example.com',
      padding: 'x'.repeat(1.5 * 1024 * 1024),
    });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload_too_large');
    const missing = await admin.client.get('/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
  });

  it('serves an OpenAPI 3.1 document covering the routes', async () => {
    const doc = (await new Client(app.url).get('/api/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/pairs/{id}/accept');
    expect(doc.paths['/api/auth/sign-in'].post.requestBody.content['application/json'].schema).toBeTruthy();
  });

  it('a PM who signs up is linked to the coach who invited them', async () => {
    const admin = await buildWorkspace(app);
    const pm = await buildPm(app, admin, 'Pat');
    const pairs = (await admin.client.get('/api/pairs')).body;
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({
      status: 'active',
      pm: { id: pm.id, name: 'Pat' },
      coach: { id: admin.id },
    });
  });
});
