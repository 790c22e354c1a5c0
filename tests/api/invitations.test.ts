import { afterEach, describe, expect, it } from 'vitest';
import { Client } from '../support/client.js';
import { buildMember, buildPm, buildWorkspace, PASSWORD, signUpThrough } from '../support/factories.js';
import { startSmtpServer } from '../support/smtp.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
afterEach(async () => {
  await app.close();
  await smtp?.close();
  smtp = undefined;
});

const tokenOf = (link: string) => link.split('/invite/')[1]!;

describe('invitations', () => {
  it('mails the link through SMTP when configured and still shows it to copy', async () => {
    smtp = await startSmtpServer();
    app = await startTestApp({ smtpUrl: smtp.url });
    const admin = await buildWorkspace(app);
    const res = await admin.client.post('/api/invitations', { email: 'Pat@Example.com', kind: 'pm' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ email: 'pat@example.com', status: 'open', mailed: true });
    expect(res.body.link).toMatch(new RegExp(`^${app.url}/invite/[A-Za-z0-9_-]{40,}$`));
    expect(smtp.inbox).toHaveLength(1);
    expect(smtp.inbox[0]!.to).toEqual(['pat@example.com']);
    expect(smtp.inbox[0]!.raw.replace(/=\r?\n/g, '')).toContain(res.body.link);
    expect(smtp.inbox[0]!.raw).toContain('Ada Admin');
  });

  it('with mail set up, a member’s invitation goes only to the mailbox: the inviter cannot claim the address', async () => {
    smtp = await startSmtpServer();
    app = await startTestApp({ smtpUrl: smtp.url });
    const admin = await buildWorkspace(app);
    const coach = await buildMember(app, admin, 'Cleo Coach');
    const res = await coach.client.post('/api/invitations', { email: 'pat@example.com', kind: 'pm' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ email: 'pat@example.com', status: 'open', mailed: true, link: null });
    expect(JSON.stringify(res.body)).not.toContain('/invite/');
    expect((await coach.client.get('/api/invitations')).body[0]).toMatchObject({ link: null, mailed: true });
    // The link is in Pat's mailbox alone; opening it from there works and makes Cleo Pat's coach.
    const mail = smtp.inbox.find((m) => m.to.includes('pat@example.com'))!;
    const mailedLink = /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]{40,}/.exec(mail.raw.replace(/=\r?\n/g, ''))![0];
    const pat = await signUpThrough(app, mailedLink, 'Pat');
    expect(pat.email).toBe('pat@example.com');
    expect((await pat.client.get('/api/pairs')).body[0]).toMatchObject({ coach: { id: coach.id } });
  });

  it('an address invited but never accepted can be invited again once its invitation expired or was revoked', async () => {
    smtp = await startSmtpServer();
    app = await startTestApp({ smtpUrl: smtp.url });
    const admin = await buildWorkspace(app);
    const first = await buildMember(app, admin, 'First Coach');
    const second = await buildMember(app, admin, 'Second Coach');
    const a = (await first.client.post('/api/invitations', { email: 'pat@example.com' })).body;
    expect((await admin.client.delete(`/api/invitations/${a.id}`)).status).toBe(200);
    const b = await second.client.post('/api/invitations', { email: 'pat@example.com' });
    expect(b.status).toBe(200);
    expect(b.body).toMatchObject({ status: 'open', mailed: true });
    await app.deps.db
      .updateTable('invitations')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', b.body.id)
      .execute();
    const c = await first.client.post('/api/invitations', { email: 'pat@example.com' });
    expect(c.status).toBe(200);
    expect(c.body).toMatchObject({ status: 'open', mailed: true });
    const toPat = smtp.inbox.filter((m) => m.to.includes('pat@example.com'));
    expect(toPat).toHaveLength(3);
    // Only the newest mailed link works; Pat accepts it and is coached by the one who sent it.
    const links = toPat.map(
      (m) => /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]{40,}/.exec(m.raw.replace(/=\r?\n/g, ''))![0],
    );
    const visitor = new Client(app.url);
    await visitor.start();
    expect((await visitor.get(`/api/invitations/by-token/${tokenOf(links[0]!)}`)).status).toBe(410);
    expect((await visitor.get(`/api/invitations/by-token/${tokenOf(links[1]!)}`)).status).toBe(410);
    const pat = await signUpThrough(app, links[2]!, 'Pat');
    expect((await pat.client.get('/api/pairs')).body[0]).toMatchObject({ coach: { id: first.id } });
  });

  it('shows the link to copy when there is no SMTP, and never lists it again', async () => {
    app = await startTestApp();
    const admin = await buildWorkspace(app);
    const res = await admin.client.post('/api/invitations', { email: 'pat@example.com' });
    expect(res.body).toMatchObject({ mailed: false, kind: 'pm' });
    expect(res.body.link).toContain('/invite/');
    const list = (await admin.client.get('/api/invitations')).body;
    expect(list).toHaveLength(1);
    expect(list[0].link).toBeNull();
  });

  it('previews and accepts once; the PM becomes paired with the inviter', async () => {
    app = await startTestApp();
    const admin = await buildWorkspace(app);
    const link = (await admin.client.post('/api/invitations', { email: 'pat@example.com' })).body.link;
    const visitor = new Client(app.url);
    await visitor.start();
    const preview = await visitor.get(`/api/invitations/by-token/${tokenOf(link)}`);
    expect(preview.body).toEqual({
      email: 'pat@example.com',
      kind: 'pm',
      inviterName: 'Ada Admin',
      workspaceName: 'Acme Product',
    });
    const pm = await signUpThrough(app, link, 'Pat');
    expect((await pm.client.get('/api/pairs')).body[0]).toMatchObject({
      status: 'active',
      coach: { id: admin.id },
    });
    const again = await visitor.post(`/api/invitations/by-token/${tokenOf(link)}/accept`, {
      name: 'Eve',
      password: PASSWORD,
    });
    expect(again.status).toBe(410);
    expect(again.body.error.message).toContain('already been used');
    expect((await admin.client.get('/api/invitations')).body[0].status).toBe('accepted');
  });

  it('refuses expired and revoked links with a clear message and creates no account', async () => {
    app = await startTestApp();
    const admin = await buildWorkspace(app);
    const expired = (await admin.client.post('/api/invitations', { email: 'old@example.com' })).body;
    await app.deps.db
      .updateTable('invitations')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', expired.id)
      .execute();
    const revoked = (await admin.client.post('/api/invitations', { email: 'gone@example.com' })).body;
    expect((await admin.client.delete(`/api/invitations/${revoked.id}`)).status).toBe(200);
    expect((await admin.client.delete(`/api/invitations/${revoked.id}`)).status).toBe(409);

    const visitor = new Client(app.url);
    await visitor.start();
    const a = await visitor.post(`/api/invitations/by-token/${tokenOf(expired.link)}/accept`, {
      name: 'Old',
      password: PASSWORD,
    });
    expect(a.status).toBe(410);
    expect(a.body.error.message).toContain('expired');
    const b = await visitor.post(`/api/invitations/by-token/${tokenOf(revoked.link)}/accept`, {
      name: 'Gone',
      password: PASSWORD,
    });
    expect(b.status).toBe(410);
    expect(b.body.error.message).toContain('withdrawn');
    const unknown = await visitor.get(`/api/invitations/by-token/${'x'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    const users = await app.deps.db.selectFrom('users').select('email').execute();
    expect(users.map((u) => u.email)).toEqual([admin.email]);
    const statuses = (await admin.client.get('/api/invitations')).body
      .map((i: { status: string }) => i.status)
      .sort();
    expect(statuses).toEqual(['expired', 'revoked']);
  });

  it('refuses inviting an existing member, and member invitations from non-admins', async () => {
    app = await startTestApp();
    const admin = await buildWorkspace(app);
    const pm = await buildPm(app, admin);
    const dup = await admin.client.post('/api/invitations', { email: pm.email });
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toContain('already a member');
    const member = await pm.client.post('/api/invitations', { email: 'x@example.com', kind: 'member' });
    expect(member.status).toBe(403);
    expect(member.body.error.message).toBe('Only a workspace admin can invite members who are not your PMs.');
    // Someone else's invitation is neither listed nor revocable; the admin sees and revokes it.
    const own = await pm.client.post('/api/invitations', { email: 'y@example.com' });
    const coach = await buildMember(app, admin);
    expect((await coach.client.get('/api/invitations')).body).toEqual([]);
    const refused = await coach.client.delete(`/api/invitations/${own.body.id}`);
    expect(refused.status).toBe(404);
    expect(refused.body.error.message).toBe('That was not found.');
    expect((await admin.client.get('/api/invitations')).body.map((i: { id: string }) => i.id)).toContain(
      own.body.id,
    );
    expect((await admin.client.delete(`/api/invitations/${own.body.id}`)).status).toBe(200);
  });

  it('does not reveal an account in another workspace; accepting then asks them to sign in', async () => {
    app = await startTestApp();
    const admin = await buildWorkspace(app);
    await app.deps.db
      .insertInto('workspaces')
      .values({
        id: '00000000-0000-4000-8000-00000000000a',
        name: 'Other',
        is_demo: 0,
        created_at: new Date().toISOString(),
      })
      .execute();
    await app.deps.db
      .updateTable('users')
      .set({ workspace_id: '00000000-0000-4000-8000-00000000000a' })
      .where('id', '=', (await buildPm(app, admin)).id)
      .execute();
    const elsewhere = (
      await app.deps.db
        .selectFrom('users')
        .select('email')
        .where('workspace_id', '=', '00000000-0000-4000-8000-00000000000a')
        .executeTakeFirstOrThrow()
    ).email;
    const inv = await admin.client.post('/api/invitations', { email: elsewhere });
    expect(inv.status).toBe(200);
    const visitor = new Client(app.url);
    await visitor.start();
    const res = await visitor.post(`/api/invitations/by-token/${tokenOf(inv.body.link)}/accept`, {
      name: 'Twice',
      password: PASSWORD,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('Sign in instead');
  });

  it('a re-invite replaces the open invitation: the old link stops working', async () => {
    app = await startTestApp();
    const admin = await buildWorkspace(app);
    const first = (await admin.client.post('/api/invitations', { email: 'pat@example.com' })).body;
    const second = (await admin.client.post('/api/invitations', { email: 'pat@example.com' })).body;
    // The answer says what happened to the first (the page words it), and only when there was one.
    expect(first.replaced).toBe(false);
    expect(second.replaced).toBe(true);
    const other = (await admin.client.post('/api/invitations', { email: 'kim@example.com' })).body;
    expect(other.replaced).toBe(false);
    const visitor = new Client(app.url);
    await visitor.start();
    expect((await visitor.get(`/api/invitations/by-token/${tokenOf(first.link)}`)).status).toBe(410);
    expect((await visitor.get(`/api/invitations/by-token/${tokenOf(second.link)}`)).status).toBe(200);
  });
});
