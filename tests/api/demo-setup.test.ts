import { afterEach, describe, expect, it } from 'vitest';
import { Client } from '../support/client.js';
import { buildWorkspace, signIn } from '../support/factories.js';
import { startSmtpServer } from '../support/smtp.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
afterEach(async () => {
  await app.close();
  await smtp?.close();
  smtp = undefined;
});

describe('the demo and the real setup (issue 12, row 9)', () => {
  it('a demo session made before setup ends at setup: it can no longer invite or read the demo', async () => {
    smtp = await startSmtpServer();
    app = await startTestApp({ smtpUrl: smtp.url });
    const early = new Client(app.url);
    await early.start();
    const demo = await early.post('/api/demo');
    expect(demo.status).toBe(200);
    expect(demo.body.me).toMatchObject({ isAdmin: true, workspace: { isDemo: true } });
    expect((await early.get('/api/members')).status).toBe(200);

    await buildWorkspace(app);

    const after = await early.get('/api/session');
    expect(after.body).toMatchObject({ me: null, setupNeeded: false });
    expect((await early.get('/api/members')).status).toBe(401);
    expect((await early.get('/api/workspace/pairs')).status).toBe(401);
    const invite = await early.post('/api/invitations', { email: 'victim@example.com' });
    expect(invite.status).toBe(401);
    // Nor can the visitor get back into the demo: it is an admin's to start now.
    const again = new Client(app.url);
    await again.start();
    expect((await again.post('/api/demo')).status).toBe(403);
    expect(smtp.inbox).toEqual([]);
  });

  it('never mails from the demo workspace, even with the organisation’s SMTP set up: the link is shown to copy', async () => {
    smtp = await startSmtpServer();
    app = await startTestApp({ smtpUrl: smtp.url });
    const admin = await buildWorkspace(app);
    const inDemo = (await signIn(app, admin.email)).client;
    expect((await inDemo.post('/api/demo')).body.me.workspace.isDemo).toBe(true);
    const res = await inDemo.post('/api/invitations', { email: 'someone@example.com', kind: 'member' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mailed: false, status: 'open' });
    expect(res.body.link).toContain('/invite/');
    const pm = await inDemo.post('/api/invitations', { email: 'pat@example.com', kind: 'pm' });
    expect(pm.body).toMatchObject({ mailed: false });
    expect(pm.body.link).toContain('/invite/');
    // The real workspace still mails.
    const real = await admin.client.post('/api/invitations', { email: 'real@example.com' });
    expect(real.body.mailed).toBe(true);
    expect(smtp.inbox.map((m) => m.to)).toEqual([['real@example.com']]);
  });
});
