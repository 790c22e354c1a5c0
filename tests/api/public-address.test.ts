import { afterEach, describe, expect, it } from 'vitest';
import { Client } from '../support/client.js';
import { buildMember, PASSWORD } from '../support/factories.js';
import { startSmtpServer } from '../support/smtp.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
afterEach(async () => {
  await app.close();
  await smtp?.close();
  smtp = undefined;
});

/** First run as the web page does it: with the address the admin's browser used. */
async function setUpAt(publicAddress?: string) {
  const client = new Client(app.url);
  await client.start();
  const email = 'ada@example.com';
  const res = await client.post('/api/setup', {
    workspaceName: 'Acme Product',
    name: 'Ada Admin',
    email,
    password: PASSWORD,
    ...(publicAddress === undefined ? {} : { publicAddress }),
  });
  expect(res.status).toBe(200);
  return { id: res.body.me.id as string, email, name: 'Ada Admin', client };
}

const mailedLink = (raw: string) =>
  /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]{40,}/.exec(raw.replace(/=\r?\n/g, ''))![0];

describe('the public address (issue 12, row 12)', () => {
  it('without PUBLIC_URL, shown and mailed links use the address the admin’s browser used at setup', async () => {
    smtp = await startSmtpServer();
    app = await startTestApp({ smtpUrl: smtp.url, publicUrl: '' });
    const admin = await setUpAt('https://Wheelhouse.Acme.test/setup');
    const res = await admin.client.post('/api/invitations', { email: 'pat@example.com' });
    expect(res.body.link).toMatch(/^https:\/\/wheelhouse\.acme\.test\/invite\/[A-Za-z0-9_-]{40,}$/);
    expect(mailedLink(smtp.inbox[0]!.raw)).toBe(res.body.link);
    expect((await admin.client.get('/api/workspace/public-address')).body).toEqual({
      address: 'https://wheelhouse.acme.test',
      source: 'setup',
      recorded: 'https://wheelhouse.acme.test',
      mailConfigured: true,
    });
  });

  it('the admin confirms or changes it; links follow; nobody else can, and a Host header changes nothing', async () => {
    app = await startTestApp({ publicUrl: '' });
    const admin = await setUpAt();
    const before = (await admin.client.get('/api/workspace/public-address')).body;
    expect(before).toMatchObject({ source: 'default', recorded: null, mailConfigured: false });
    expect(before.address).toMatch(/^http:\/\/localhost:\d+$/);

    const coach = await buildMember(app, admin);
    const refused = await coach.client.put('/api/workspace/public-address', { address: 'https://evil.test' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('Only a workspace admin can change the public address.');
    expect((await coach.client.get('/api/workspace/public-address')).status).toBe(403);
    const bad = await admin.client.put('/api/workspace/public-address', { address: 'ftp://x.test' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('must be an http:// or https:// address');

    const changed = await admin.client.put('/api/workspace/public-address', {
      address: 'http://wheelhouse.lan:3000',
    });
    expect(changed.body).toMatchObject({ address: 'http://wheelhouse.lan:3000', source: 'setup' });
    const res = await admin.client.request(
      'POST',
      '/api/invitations',
      { email: 'pat@example.com' },
      { 'x-forwarded-host': 'evil.test' },
    );
    expect(res.body.link).toMatch(/^http:\/\/wheelhouse\.lan:3000\/invite\//);
  });

  it('PUBLIC_URL overrides the recorded address, and the answer says so', async () => {
    app = await startTestApp({ publicUrl: 'https://coach.example.com' });
    const admin = await setUpAt('http://localhost:3000');
    const res = await admin.client.post('/api/invitations', { email: 'pat@example.com' });
    expect(res.body.link).toMatch(/^https:\/\/coach\.example\.com\/invite\//);
    expect((await admin.client.get('/api/workspace/public-address')).body).toMatchObject({
      address: 'https://coach.example.com',
      source: 'PUBLIC_URL',
    });
    // A changed address is recorded for when PUBLIC_URL goes, but links keep following PUBLIC_URL.
    const put = await admin.client.put('/api/workspace/public-address', { address: 'https://x.test' });
    expect(put.body).toMatchObject({
      address: 'https://coach.example.com',
      source: 'PUBLIC_URL',
      recorded: 'https://x.test',
    });
    const again = await admin.client.post('/api/invitations', { email: 'sam@example.com' });
    expect(again.body.link).toMatch(/^https:\/\/coach\.example\.com\/invite\//);
  });
});
