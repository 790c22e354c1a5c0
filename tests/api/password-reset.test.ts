import { afterEach, describe, expect, it } from 'vitest';
import { Client } from '../support/client.js';
import { buildMember, buildWorkspace, PASSWORD, signIn } from '../support/factories.js';
import { startSmtpServer } from '../support/smtp.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { buildWorld } from '../support/world.js';
import { newId } from '../../server/util.js';

let app: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
afterEach(async () => {
  await app.close();
  await smtp?.close();
  smtp = undefined;
});

const NEW_PASSWORD = 'a brand new password';
const LINK = /https?:\/\/\S+\/reset-password\/([A-Za-z0-9_-]{40,})/;

async function withMail(options: { trustProxy?: string } = {}) {
  smtp = await startSmtpServer();
  app = await startTestApp({ smtpUrl: smtp.url, ...options });
  return smtp;
}

/** The reset mails to an address (they leave after the answer: wait for them a little). */
async function mailsTo(address: string, atLeast = 1) {
  for (let i = 0; i < 100; i++) {
    const found = resetMails().filter((m) => m.to.includes(address));
    if (found.length >= atLeast) return found;
    await new Promise((r) => setTimeout(r, 20));
  }
  return resetMails().filter((m) => m.to.includes(address));
}
const resetMails = () => smtp!.inbox.filter((m) => m.raw.includes('Subject: Set a new Wheelhouse password'));
const tokenIn = (raw: string) => LINK.exec(raw.replace(/=\r?\n/g, ''))![1]!;

async function visitor() {
  const client = new Client(app.url);
  await client.start();
  return client;
}

describe('password reset by mail', () => {
  it('mails a link that sets a new password once: the old password and the used link are refused, other sessions end', async () => {
    await withMail();
    const admin = await buildWorkspace(app);
    const member = await buildMember(app, admin, 'Mia Member');
    const otherBrowser = (await signIn(app, member.email)).client;
    expect((await otherBrowser.get('/api/pairs')).status).toBe(200);

    const stranger = await visitor();
    expect((await stranger.get('/api/auth/password-reset')).body).toEqual({ byMail: true });
    const asked = await stranger.post('/api/auth/password-reset', { email: member.email.toUpperCase() });
    expect(asked.status).toBe(200);
    expect(asked.body).toEqual({ ok: true });
    const [mail] = await mailsTo(member.email);
    const token = tokenIn(mail!.raw);
    // Only the hash is stored.
    const stored = await app.deps.db.selectFrom('password_resets').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);

    expect((await stranger.get(`/api/auth/password-reset/${token}`)).body).toEqual({ email: member.email });
    const set = await stranger.post(`/api/auth/password-reset/${token}`, { password: NEW_PASSWORD });
    expect(set.status, set.text).toBe(200);

    // Every session of the person ended: both the invitation's browser and the other one.
    expect((await member.client.get('/api/pairs')).status).toBe(401);
    expect((await otherBrowser.get('/api/pairs')).status).toBe(401);
    expect((await signIn(app, member.email, PASSWORD)).res.status).toBe(401);
    expect((await signIn(app, member.email, NEW_PASSWORD)).res.status).toBe(200);

    const again = await stranger.post(`/api/auth/password-reset/${token}`, {
      password: 'yet another password',
    });
    expect(again.status).toBe(410);
    expect(again.body.error.message).toMatch(/expired or was already used/);
    expect((await stranger.get(`/api/auth/password-reset/${token}`)).status).toBe(410);
    expect((await signIn(app, member.email, 'yet another password')).res.status).toBe(401);
  });

  it('a link is dead after an hour, and a newer link replaces an older one', async () => {
    await withMail();
    const admin = await buildWorkspace(app);
    const member = await buildMember(app, admin);
    const stranger = await visitor();
    await stranger.post('/api/auth/password-reset', { email: member.email });
    const first = tokenIn((await mailsTo(member.email, 1))[0]!.raw);
    await stranger.post('/api/auth/password-reset', { email: member.email });
    const second = tokenIn((await mailsTo(member.email, 2))[1]!.raw);
    expect(
      (await stranger.post(`/api/auth/password-reset/${first}`, { password: NEW_PASSWORD })).status,
    ).toBe(410);

    const created = await app.deps.db
      .selectFrom('password_resets')
      .select(['created_at', 'expires_at'])
      .execute();
    expect(created.every((r) => Date.parse(r.expires_at) - Date.parse(r.created_at) === 60 * 60 * 1000)).toBe(
      true,
    );
    await app.deps.db
      .updateTable('password_resets')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    expect(
      (await stranger.post(`/api/auth/password-reset/${second}`, { password: NEW_PASSWORD })).status,
    ).toBe(410);
    expect((await signIn(app, member.email, PASSWORD)).res.status).toBe(200);
  });

  it('an address without an account gets the identical answer and no mail; a made-up link is not found', async () => {
    await withMail();
    const admin = await buildWorkspace(app);
    const member = await buildMember(app, admin);
    const stranger = await visitor();
    const known = await stranger.post('/api/auth/password-reset', { email: member.email });
    const unknown = await stranger.post('/api/auth/password-reset', { email: 'nobody@example.com' });
    expect(unknown.status).toBe(known.status);
    expect(unknown.text).toBe(known.text);
    await mailsTo(member.email);
    await new Promise((r) => setTimeout(r, 200));
    expect(resetMails().flatMap((m) => m.to)).toEqual([member.email]);
    expect((await stranger.get(`/api/auth/password-reset/${'x'.repeat(43)}`)).status).toBe(404);
    expect(
      (await stranger.post(`/api/auth/password-reset/${'x'.repeat(43)}`, { password: NEW_PASSWORD })).status,
    ).toBe(404);
    const bad = await stranger.post('/api/auth/password-reset', { email: 'not an address' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('email: is not a valid email address');
  });

  it('holds its limit per address under 12 parallel requests, the same for an address with no account', async () => {
    // Each request from its own client address (behind a proxy), so only the per-account limit bites.
    await withMail({ trustProxy: '1' });
    const admin = await buildWorkspace(app);
    const member = await buildMember(app, admin);
    for (const email of [member.email, 'nobody@example.com']) {
      const clients = await Promise.all(Array.from({ length: 12 }, () => visitor()));
      const statuses = (
        await Promise.all(
          clients.map((c, i) =>
            c.request(
              'POST',
              '/api/auth/password-reset',
              { email },
              {
                'x-forwarded-for': `10.0.${email.length}.${i}`,
              },
            ),
          ),
        )
      ).map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(3);
      expect(statuses.filter((s) => s === 429)).toHaveLength(9);
    }
    await mailsTo(member.email, 3);
    await new Promise((r) => setTimeout(r, 200));
    expect(resetMails()).toHaveLength(3);
    expect(resetMails().every((m) => m.to.includes(member.email))).toBe(true);
    // One live link per person, whatever the parallel requests did.
    const open = await app.deps.db
      .selectFrom('password_resets')
      .select('id')
      .where('user_id', '=', member.id)
      .where('used_at', 'is', null)
      .execute();
    expect(open).toHaveLength(1);
  });

  it('holds a limit per client address too, across many addresses', async () => {
    await withMail();
    await buildWorkspace(app);
    const client = await visitor();
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++)
      statuses.push(
        (await client.post('/api/auth/password-reset', { email: `someone${i}@example.com` })).status,
      );
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
  });
});

describe('erasure', () => {
  it('takes the person’s reset links and the limit’s key that carries their address', async () => {
    await withMail();
    const admin = await buildWorkspace(app);
    const member = await buildMember(app, admin);
    await (await visitor()).post('/api/auth/password-reset', { email: member.email });
    await mailsTo(member.email);
    await admin.client.post(`/api/members/${member.id}/password-reset`);
    expect(await app.deps.db.selectFrom('password_resets').select('id').execute()).toHaveLength(2);
    const erased = await member.client.post('/api/account/erasure', { password: PASSWORD, confirm: true });
    expect(erased.status, erased.text).toBe(200);
    expect(await app.deps.db.selectFrom('password_resets').select('id').execute()).toEqual([]);
    const keys = await app.deps.db.selectFrom('sign_in_throttle').select('key').execute();
    expect(keys.map((k) => k.key).filter((k) => k.includes(member.email))).toEqual([]);
  });
});

describe('without mail', () => {
  it('the page is told to ask an admin, and only the workspace’s admin can issue a link to copy', async () => {
    app = await startTestApp();
    const w = await buildWorld(app);
    const stranger = await visitor();
    expect((await stranger.get('/api/auth/password-reset')).body).toEqual({ byMail: false });

    // Another member, the PM's coach, an admin of another workspace: refused like a missing member.
    const missing = await w.clientFor('admin').post(`/api/members/${newId()}/password-reset`);
    expect(missing.status).toBe(404);
    for (const relation of ['self', 'coach', 'otherPm', 'outsider'] as const) {
      const res = await w.clientFor(relation).post(`/api/members/${w.people.otherPm.id}/password-reset`);
      expect(res.status, relation).toBe(404);
      expect(res.body).toEqual(missing.body);
    }
    expect((await stranger.post(`/api/members/${w.pm.id}/password-reset`)).status).toBe(401);
    expect(await app.deps.db.selectFrom('password_resets').select('id').execute()).toEqual([]);

    const issued = await w.clientFor('admin').post(`/api/members/${w.pm.id}/password-reset`);
    expect(issued.status).toBe(200);
    expect(issued.body.link).toMatch(new RegExp(`^${app.url}/reset-password/[A-Za-z0-9_-]{40,}$`));
    const token = issued.body.link.split('/reset-password/')[1];
    expect(
      (await stranger.post(`/api/auth/password-reset/${token}`, { password: NEW_PASSWORD })).status,
    ).toBe(200);
    expect((await w.clientFor('self').get('/api/pairs')).status).toBe(401);
    expect((await signIn(app, w.pm.email, NEW_PASSWORD)).res.status).toBe(200);
    expect((await stranger.post(`/api/auth/password-reset/${token}`, { password: PASSWORD })).status).toBe(
      410,
    );
  });
});
