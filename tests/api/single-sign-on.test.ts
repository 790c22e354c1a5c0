import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerFetch } from '../../server/features/people/single-sign-on/provider.js';
import { Client } from '../support/client.js';
import { buildMember, buildWorkspace, PASSWORD, signIn, type Person } from '../support/factories.js';
import { signInAtProvider, startTestProvider, type TestProvider } from '../support/oidc-provider.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Issue 23: single sign-on against a real OpenID provider (oidc-provider over https on loopback).
let provider: TestProvider;
let app: TestApp;
let onlyApp: TestApp;
let admin: Person;
let onlyAdmin: Person;

beforeAll(async () => {
  provider = await startTestProvider();
  app = await startTestApp({ env: provider.env({ OIDC_ALLOWED_DOMAINS: 'acme.test' }) });
  onlyApp = await startTestApp({
    env: provider.env({ OIDC_ONLY: 'true', OIDC_BREAK_GLASS_EMAIL: 'break.glass@acme.test' }),
  });
  provider.serve([`${app.url}/auth/oidc/callback`, `${onlyApp.url}/auth/oidc/callback`]);
  admin = await buildWorkspace(app);
  onlyAdmin = await setUp(onlyApp, 'break.glass@acme.test');
});

afterAll(async () => {
  await app?.close();
  await onlyApp?.close();
  await provider?.close();
});

let logins = 0;
/** A person at the provider; the login is also their `sub`. */
function providerPerson(claims: { email?: string; email_verified?: boolean; name?: string }) {
  const login = `person-${++logins}`;
  provider.accounts.set(login, claims);
  return login;
}

/** A browser: starts at the sign-in page's button, signs in at the provider, comes back. */
async function singleSignOn(target: TestApp, login: string, browser = new Client(target.url)) {
  await browser.start();
  const start = await browser.get('/auth/oidc/start');
  expect(start.status, start.text).toBe(302);
  const callback = await signInAtProvider(provider, start.headers.get('location')!, login);
  expect(callback.startsWith(`${target.url}/auth/oidc/callback?`)).toBe(true);
  const back = await browser.get(callback.slice(target.url.length));
  return { browser, back, where: back.headers.get('location'), callback };
}

/** The provider's page at a URL, as its HTML (the test process trusts the provider's certificate). */
const signInAtProviderPage = async (url: string) =>
  (await providerFetch(provider.caFile)(url, { method: 'GET', headers: {} })).text();

const me = async (browser: Client) => (await browser.get('/api/session')).body.me;
const count = async (target: TestApp, table: 'users' | 'sso_links') =>
  Number(
    (
      await target.deps.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function setUp(target: TestApp, email: string): Promise<Person> {
  const client = new Client(target.url);
  await client.start();
  const res = await client.post('/api/setup', {
    workspaceName: 'Only',
    name: 'Bea Break',
    email,
    password: PASSWORD,
  });
  expect(res.status, res.text).toBe(200);
  return { id: res.body.me.id, email, name: 'Bea Break', client };
}

describe('who gets in', () => {
  it('someone with a pending invitation joins as invited: a PM, paired with the coach who invited them', async () => {
    const invited = await admin.client.post('/api/invitations', { email: 'pia@elsewhere.test', kind: 'pm' });
    expect(invited.status).toBe(200);
    const login = providerPerson({ email: 'Pia@Elsewhere.test', email_verified: true, name: 'Pia Park' });
    const { browser, where } = await singleSignOn(app, login);
    expect(where).toBe('/');
    expect(await me(browser)).toMatchObject({ email: 'pia@elsewhere.test', name: 'Pia Park' });
    const pairs = (await browser.get('/api/pairs')).body as { coach: { id: string } }[];
    expect(pairs.map((p) => p.coach.id)).toEqual([admin.id]);
    const list = (await admin.client.get('/api/invitations')).body as { email: string; status: string }[];
    expect(list.find((i) => i.email === 'pia@elsewhere.test')?.status).toBe('accepted');
    // Next time, the provider's account is recognised by its link.
    const again = await singleSignOn(app, login);
    expect((await me(again.browser)).email).toBe('pia@elsewhere.test');
  });

  it('someone from an allowed domain joins as a member, paired with no one', async () => {
    const login = providerPerson({ email: 'dana@acme.test', email_verified: true, name: 'Dana Day' });
    const { browser, where } = await singleSignOn(app, login);
    expect(where).toBe('/');
    expect(await me(browser)).toMatchObject({ email: 'dana@acme.test', isAdmin: false });
    expect((await browser.get('/api/pairs')).body).toEqual([]);
    const members = (await admin.client.get('/api/members')).body as { email: string }[];
    expect(members.map((m) => m.email)).toContain('dana@acme.test');
    // No password was made up for them: none signs them in.
    expect((await signIn(app, 'dana@acme.test', PASSWORD)).res.status).toBe(401);
  });

  it('anyone else gets a clear answer, and nothing is created', async () => {
    const users = await count(app, 'users');
    const links = await count(app, 'sso_links');
    const login = providerPerson({ email: 'eve@other.test', email_verified: true, name: 'Eve' });
    const { browser, where } = await singleSignOn(app, login);
    expect(where).toBe('/sign-in?sso=not-invited');
    expect(await me(browser)).toBeNull();
    expect(await count(app, 'users')).toBe(users);
    expect(await count(app, 'sso_links')).toBe(links);
  });

  it('an e-mail the provider has not verified is not used: refused, nothing created', async () => {
    const users = await count(app, 'users');
    const login = providerPerson({ email: 'uma@acme.test', email_verified: false, name: 'Uma' });
    const { browser, where } = await singleSignOn(app, login);
    expect(where).toBe('/sign-in?sso=unverified');
    expect(await me(browser)).toBeNull();
    expect(await count(app, 'users')).toBe(users);
    // Without email_verified at all, the same.
    const silent = providerPerson({ email: 'ulf@acme.test', name: 'Ulf' });
    expect((await singleSignOn(app, silent)).where).toBe('/sign-in?sso=unverified');
    expect(await count(app, 'users')).toBe(users);
  });
});

describe('deprovisioning', () => {
  it('a person the identity provider turns off through SCIM is signed out and refused at the next single sign-on', async () => {
    const login = providerPerson({ email: 'sam@acme.test', email_verified: true, name: 'Sam Stone' });
    const first = await singleSignOn(app, login);
    const sam = await me(first.browser);
    expect(sam).toMatchObject({ email: 'sam@acme.test' });
    const made = await admin.client.post('/api/scim-tokens', { label: 'Identity provider' });
    expect(made.status).toBe(200);
    // Okta's deactivation: PATCH active false (never DELETE).
    const off = await fetch(`${app.url}/scim/v2/Users/${sam.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${made.body.token}`, 'content-type': 'application/scim+json' },
      body: JSON.stringify({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'replace', value: { active: false } }],
      }),
    });
    expect(off.status, await off.text()).toBe(200);
    expect(await me(first.browser)).toBeNull();
    const again = await singleSignOn(app, login);
    expect(again.where).toBe('/sign-in?sso=turned-off');
    expect(await me(again.browser)).toBeNull();
  });
});

describe('no takeover of an existing password account', () => {
  it('a provider account with the same address gets in only after the password, once; then by its link', async () => {
    const sam = await buildMember(app, admin, 'Sam Same');
    const login = providerPerson({ email: sam.email, email_verified: true, name: 'Mallory' });
    const { browser, where } = await singleSignOn(app, login);
    expect(where).toBe('/sign-in?sso=prove');
    expect(await me(browser)).toBeNull();
    const linksBefore = await count(app, 'sso_links');

    // Another browser (no proof cookie) cannot finish the link, whatever it sends.
    const stranger = new Client(app.url);
    await stranger.start();
    expect((await stranger.post('/api/auth/single-sign-on/link', { password: PASSWORD })).status).toBe(410);
    // A wrong password links nothing and signs no one in.
    const wrong = await browser.post('/api/auth/single-sign-on/link', {
      password: 'not the password at all',
    });
    expect(wrong.status).toBe(401);
    expect(await me(browser)).toBeNull();
    expect(await count(app, 'sso_links')).toBe(linksBefore);

    const proved = await browser.post('/api/auth/single-sign-on/link', { password: PASSWORD });
    expect(proved.status, proved.text).toBe(200);
    expect(proved.body.me).toMatchObject({ id: sam.id, name: 'Sam Same' });
    expect(await count(app, 'sso_links')).toBe(linksBefore + 1);
    // The proof is used once.
    expect((await browser.post('/api/auth/single-sign-on/link', { password: PASSWORD })).status).toBe(410);
    // From now on the provider signs Sam in directly.
    const later = await singleSignOn(app, login);
    expect(later.where).toBe('/');
    expect((await me(later.browser)).id).toBe(sam.id);
  });
});

describe('tampering and replays', () => {
  it('a changed state, or a callback in another browser (no state cookie), is refused', async () => {
    const login = providerPerson({ email: 'tess@acme.test', email_verified: true, name: 'Tess' });
    const browser = new Client(app.url);
    await browser.start();
    const start = await browser.get('/auth/oidc/start');
    const callback = await signInAtProvider(provider, start.headers.get('location')!, login);
    const url = new URL(callback);
    const tampered = new URL(url);
    tampered.searchParams.set('state', `${url.searchParams.get('state')}x`);
    const other = new Client(app.url);
    await other.start();
    expect((await other.get(url.pathname + url.search)).headers.get('location')).toBe('/sign-in?sso=failed');
    expect(await me(other)).toBeNull();
    expect((await browser.get(tampered.pathname + tampered.search)).headers.get('location')).toBe(
      '/sign-in?sso=failed',
    );
    expect(await me(browser)).toBeNull();
    const users = await app.deps.db
      .selectFrom('users')
      .select('email')
      .where('email', '=', 'tess@acme.test')
      .execute();
    expect(users).toEqual([]);
  });

  it('a changed nonce (the ID token then carries another one) is refused', async () => {
    const login = providerPerson({ email: 'nina@acme.test', email_verified: true, name: 'Nina' });
    const browser = new Client(app.url);
    await browser.start();
    const start = new URL((await browser.get('/auth/oidc/start')).headers.get('location')!);
    start.searchParams.set('nonce', 'a-nonce-of-the-attackers-choosing');
    const callback = await signInAtProvider(provider, start.href, login);
    const back = await browser.get(callback.slice(app.url.length));
    expect(back.headers.get('location')).toBe('/sign-in?sso=failed');
    expect(await me(browser)).toBeNull();
    const users = await app.deps.db
      .selectFrom('users')
      .select('email')
      .where('email', '=', 'nina@acme.test')
      .execute();
    expect(users).toEqual([]);
  });

  it('a replayed callback (same code, same state, same cookie) is refused', async () => {
    const login = providerPerson({ email: 'rob@acme.test', email_verified: true, name: 'Rob' });
    const browser = new Client(app.url);
    await browser.start();
    const start = await browser.get('/auth/oidc/start');
    const stateCookie = browser.cookie('wh_sso_state')!;
    const { callback } = {
      callback: await signInAtProvider(provider, start.headers.get('location')!, login),
    };
    const first = await browser.get(callback.slice(app.url.length));
    expect(first.headers.get('location')).toBe('/');
    const replay = new Client(app.url);
    const again = await replay.request('GET', callback.slice(app.url.length), undefined, {
      cookie: `wh_sso_state=${stateCookie}`,
    });
    expect(again.headers.get('location')).toBe('/sign-in?sso=failed');
    expect(again.headers.getSetCookie().some((c) => c.startsWith('wh_session='))).toBe(false);
  });

  it('failed callbacks count like wrong passwords from the address: then too many attempts', async () => {
    const limited = await startTestApp({ env: provider.env(), trustProxy: 'true' });
    try {
      const from = { 'x-forwarded-for': '203.0.113.9' };
      const replay = () =>
        new Client(limited.url).request('GET', '/auth/oidc/callback?code=x&state=y', undefined, {
          ...from,
          cookie: 'wh_sso_state=y',
        });
      for (let i = 0; i < 50; i++)
        expect((await replay()).headers.get('location')).toBe('/sign-in?sso=failed');
      expect((await replay()).headers.get('location')).toBe('/sign-in?sso=rate-limited');
      // The same address's password sign-in is held back too.
      const browser = new Client(limited.url);
      await browser.start();
      const res = await browser.request(
        'POST',
        '/api/auth/sign-in',
        { email: 'x@acme.test', password: 'whatever it is' },
        {
          ...from,
          'x-csrf-token': browser.csrfToken,
        },
      );
      expect(res.status).toBe(429);
    } finally {
      await limited.close();
    }
  });
});

describe('OIDC_ONLY', () => {
  it('turns password sign-in off for everyone but the break-glass admin', async () => {
    const invited = await onlyAdmin.client.post('/api/invitations', {
      email: 'olly@acme.test',
      kind: 'member',
    });
    expect(invited.status).toBe(200);
    // Accepting the link with a password is off too: the invitation is for single sign-on.
    const token = invited.body.link.split('/invite/')[1];
    const viaLink = new Client(onlyApp.url);
    await viaLink.start();
    const accepted = await viaLink.post(`/api/invitations/by-token/${token}/accept`, {
      name: 'Olly',
      password: PASSWORD,
    });
    expect(accepted.status).toBe(403);
    expect(accepted.body.error.message).toBe('Join with Acme SSO: password sign-in is off here.');
    const login = providerPerson({ email: 'olly@acme.test', email_verified: true, name: 'Olly Only' });
    const { browser, where } = await singleSignOn(onlyApp, login);
    expect(where).toBe('/');
    expect((await me(browser)).email).toBe('olly@acme.test');

    const refused = await signIn(onlyApp, 'olly@acme.test', PASSWORD);
    expect(refused.res.status).toBe(403);
    expect(refused.res.body.error.message).toBe('Password sign-in is off here. Sign in with Acme SSO.');
    const glass = await signIn(onlyApp, 'break.glass@acme.test', PASSWORD);
    expect(glass.res.status, glass.res.text).toBe(200);
    expect(glass.res.body.me.isAdmin).toBe(true);
    const settings = (await glass.client.get('/api/auth/single-sign-on')).body;
    expect(settings).toMatchObject({ enabled: true, displayName: 'Acme SSO', passwordSignIn: false });
    // Without OIDC_ONLY, passwords still sign in.
    expect((await signIn(app, admin.email, PASSWORD)).res.status).toBe(200);
  });

  it('the break-glass address signs in only when it is an admin', async () => {
    await onlyApp.deps.db
      .updateTable('users')
      .set({ is_admin: 0 })
      .where('email', '=', 'break.glass@acme.test')
      .execute();
    try {
      expect((await signIn(onlyApp, 'break.glass@acme.test', PASSWORD)).res.status).toBe(401);
    } finally {
      await onlyApp.deps.db
        .updateTable('users')
        .set({ is_admin: 1 })
        .where('email', '=', 'break.glass@acme.test')
        .execute();
    }
  });
});

describe("the person's rights", () => {
  it('their export names their provider links; their erasure takes the links with the account', async () => {
    const kim = await buildMember(app, admin, 'Kim Keep');
    const login = providerPerson({ email: kim.email, email_verified: true, name: 'Kim Keep' });
    const { browser } = await singleSignOn(app, login);
    expect((await browser.post('/api/auth/single-sign-on/link', { password: PASSWORD })).status).toBe(200);
    const res = await fetch(`${app.url}/api/pms/${kim.id}/export`, {
      headers: { cookie: `wh_session=${browser.cookie('wh_session')}` },
    });
    expect(res.status).toBe(200);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const [account] = JSON.parse(strFromU8(files['data/account.json']!));
    expect(account.singleSignOn).toEqual([
      { issuer: provider.issuer, subject: login, linkedAt: expect.any(String) },
    ]);

    const erased = await browser.post('/api/account/erasure', { password: PASSWORD, confirm: true });
    expect(erased.status, erased.text).toBe(200);
    const links = await app.deps.db
      .selectFrom('sso_links')
      .select('subject')
      .where('subject', '=', login)
      .execute();
    expect(links).toEqual([]);
    // The provider's account no longer leads to the erased person (example.com is not an allowed domain).
    expect((await singleSignOn(app, login)).where).toBe('/sign-in?sso=not-invited');
  });
});

describe('signing out', () => {
  it("ends the Wheelhouse session, and offers the provider's sign-out", async () => {
    const login = providerPerson({ email: 'sol@acme.test', email_verified: true, name: 'Sol' });
    const { browser } = await singleSignOn(app, login);
    expect((await me(browser)).email).toBe('sol@acme.test');
    const session = browser.cookie('wh_session')!;
    expect((await browser.post('/api/auth/sign-out')).status).toBe(200);
    expect(await me(browser)).toBeNull();
    // The old cookie is dead, not only forgotten by this browser.
    expect((await new Client(app.url).useSession(session, '').get('/api/session')).body.me).toBeNull();
    const offer = (await browser.get('/api/auth/single-sign-on')).body;
    expect(offer).toMatchObject({
      enabled: true,
      displayName: 'Acme SSO',
      passwordSignIn: true,
      providerSignOut: true,
    });
    const out = await browser.get('/auth/oidc/sign-out');
    expect(out.status).toBe(302);
    const endSession = new URL(out.headers.get('location')!);
    expect(endSession.origin).toBe(provider.issuer);
    expect(endSession.searchParams.get('client_id')).toBe('wheelhouse');
    // With the ID token as the hint (Okta requires one), which the provider accepts: it goes
    // straight on to end its session (an unknown hint would be an error page).
    expect(endSession.searchParams.get('id_token_hint')).toMatch(/^eyJ/);
    expect(await signInAtProviderPage(endSession.href)).toContain('/session/end/confirm');
    // The hint is used once: the next offer carries none.
    expect(
      new URL((await browser.get('/auth/oidc/sign-out')).headers.get('location')!).searchParams.has(
        'id_token_hint',
      ),
    ).toBe(false);
  });
});

describe('the admin page', () => {
  it('shows the settings read-only, never the secret; to admins only', async () => {
    const res = await admin.client.get('/api/admin/single-sign-on');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      enabled: true,
      issuerUrl: provider.issuer,
      clientId: 'wheelhouse',
      displayName: 'Acme SSO',
      allowedDomains: ['acme.test'],
      scopes: 'openid email profile',
      only: false,
      breakGlassEmail: null,
      redirectUri: `${app.url}/auth/oidc/callback`,
    });
    expect(res.text).not.toContain('secret');
    const member = await buildMember(app, admin);
    expect((await member.client.get('/api/admin/single-sign-on')).status).toBe(403);
  });
});
