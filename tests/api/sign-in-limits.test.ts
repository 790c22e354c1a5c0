import { afterEach, describe, expect, it } from 'vitest';
import { Client } from '../support/client.js';
import { buildWorkspace, PASSWORD, type Person } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
afterEach(async () => {
  await app.close();
});

/** A sign-in from a fresh browser; `from` is the client address a trusted proxy reports. */
async function attempt(email: string, password: string, from?: string) {
  const client = new Client(app.url);
  const headers: Record<string, string> = from ? { 'x-forwarded-for': from } : {};
  await client.request('GET', '/api/session', undefined, headers);
  return client.request('POST', '/api/auth/sign-in', { email, password }, headers);
}

describe('sign-in limits under attack', () => {
  it('hold when forty wrong passwords arrive at once: five are checked, the rest refused', async () => {
    app = await startTestApp();
    const admin = await buildWorkspace(app);
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => attempt(admin.email, 'wrong password!')),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
    // The right password inside (or right after) the burst is refused too: the limit was reached.
    expect((await attempt(admin.email, PASSWORD)).status).toBe(429);
  });

  it('count a client-written X-Forwarded-For as nothing: the proxy’s own entry is the address', async () => {
    app = await startTestApp({ trustProxy: 'true' });
    const admin = await buildWorkspace(app);
    for (let i = 0; i < 5; i++) {
      const res = await attempt(admin.email, 'wrong password!', `198.51.100.${i}, 203.0.113.7`);
      expect(res.status).toBe(401);
    }
    const spoofed = await attempt(admin.email, PASSWORD, '198.51.100.99, 203.0.113.7');
    expect(spoofed.status).toBe(429);
    expect((await attempt(admin.email, PASSWORD, '203.0.113.8')).status).toBe(200);
  });

  it('never lock the owner out from an address they signed in from before', async () => {
    app = await startTestApp({ trustProxy: 'true' });
    const admin = await buildWorkspace(app);
    const home = '192.0.2.10';
    expect((await attempt(admin.email, PASSWORD, home)).status).toBe(200);
    // Strangers fail from 25 addresses: over the account-wide limit of 20.
    for (let i = 0; i < 25; i++) await attempt(admin.email, 'wrong password!', `198.51.100.${i}`);
    expect((await attempt(admin.email, PASSWORD, '198.51.100.200')).status).toBe(429);
    expect((await attempt(admin.email, PASSWORD, home)).status).toBe(200);
  });

  it('limit guesses of the current password on a (possibly stolen) session', async () => {
    app = await startTestApp();
    const admin = await buildWorkspace(app);
    const change = (currentPassword: string) =>
      admin.client.post('/api/auth/password', { currentPassword, newPassword: 'another long password' });
    for (let i = 0; i < 5; i++) expect((await change(`wrong guess ${i}`)).status).toBe(400);
    const sixth = await change(PASSWORD);
    expect(sixth.status).toBe(429);
    expect(sixth.body.error.code).toBe('rate_limited');
    expect((await attempt(admin.email, PASSWORD)).status).toBe(200);
  });

  // Issue 19, row 14: strangers keep the account-wide limit tripped (25 wrong tries, then one
  // every 2.5 s keeps it so); the owner must still get in where they are known.
  const strangersFail = async (email: string) => {
    for (let i = 0; i < 25; i++) await attempt(email, 'wrong password!', `198.51.100.${i}`);
    expect((await attempt(email, PASSWORD, '198.51.100.201')).status).toBe(429);
  };

  it('let the owner’s own browser in from a fresh address while strangers keep the account limit tripped', async () => {
    app = await startTestApp({ trustProxy: 'true' });
    const admin = await buildWorkspace(app);
    const laptop = new Client(app.url);
    const at = (address: string) => ({ 'x-forwarded-for': address });
    await laptop.request('GET', '/api/session', undefined, at('192.0.2.10'));
    const home = await laptop.request(
      'POST',
      '/api/auth/sign-in',
      { email: admin.email, password: PASSWORD },
      at('192.0.2.10'),
    );
    expect(home.status).toBe(200);
    expect(laptop.cookie('wh_device')).toBeTruthy();
    await strangersFail(admin.email);
    // The same browser on a café's network, never seen before: in.
    const cafe = await laptop.request(
      'POST',
      '/api/auth/sign-in',
      { email: admin.email, password: PASSWORD },
      at('203.0.113.50'),
    );
    expect(cafe.status).toBe(200);
    // A browser without the cookie on another fresh address is still held (the limit still guards the account).
    expect((await attempt(admin.email, PASSWORD, '203.0.113.51')).status).toBe(429);
  });

  it('count the address of accepting an invitation, and of first run, as known', async () => {
    app = await startTestApp({ trustProxy: 'true' });
    const admin: Person = await buildWorkspace(app); // first run from this machine (127.0.0.1)
    const invitation = await admin.client.post('/api/invitations', {
      email: 'new@example.com',
      kind: 'member',
    });
    const token = (invitation.body.link as string).split('/invite/')[1]!;
    const visitor = new Client(app.url);
    const office = { 'x-forwarded-for': '192.0.2.77' };
    await visitor.request('GET', '/api/session', undefined, office);
    const accepted = await visitor.request(
      'POST',
      `/api/invitations/by-token/${token}/accept`,
      { name: 'Nia New', password: PASSWORD },
      office,
    );
    expect(accepted.status, accepted.text).toBe(200);
    await strangersFail('new@example.com');
    // The new member's first password sign-in, from the office, in a fresh browser: in.
    expect((await attempt('new@example.com', PASSWORD, '192.0.2.77')).status).toBe(200);
    await strangersFail(admin.email);
    expect((await attempt(admin.email, PASSWORD)).status).toBe(200);
  });
});
