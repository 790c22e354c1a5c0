import { afterEach, describe, expect, it } from 'vitest';
import {
  buildPm,
  buildMember,
  buildRound,
  buildWorkspace,
  PASSWORD,
  signIn,
  type Person,
} from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { buildWorld } from '../support/world.js';

let app: TestApp;
afterEach(async () => {
  await app.close();
});

type Step = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  status: number;
  expect?: (body: any) => void;
};

/** One request as an identity provider sends it: bearer token, SCIM's media type. */
async function scim(token: string | null, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { accept: 'application/scim+json' };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/scim+json; charset=utf-8';
  const res = await fetch(`${app.url}/scim/v2${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    text,
    body: text ? JSON.parse(text) : null,
  };
}

/** Replays a provider's sequence; `{id}` in a path is the id the POST answered. */
async function replay(token: string, steps: Step[]) {
  let id = '';
  for (const step of steps) {
    const res = await scim(token, step.method, step.path.replace('{id}', id), step.body);
    expect(res.status, `${step.method} ${step.path}: ${res.text}`).toBe(step.status);
    if (res.text) expect(res.type).toMatch(/^application\/scim\+json/);
    if (step.method === 'POST') id = res.body.id;
    step.expect?.(res.body);
  }
  return id;
}

async function tokenFor(admin: Person) {
  const res = await admin.client.post('/api/scim-tokens', { label: 'Identity provider' });
  expect(res.status).toBe(200);
  return res.body.token as string;
}

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const q = (filter: string) => `/Users?filter=${encodeURIComponent(filter)}`;

/** Okta's provisioning sequence (its SCIM 2.0 guide): find, create, read, push a profile, deactivate. Never DELETE. */
const oktaSequence = (email: string): Step[] => [
  {
    method: 'GET',
    path: `${q(`userName eq "${email}"`)}&startIndex=1&count=100`,
    status: 200,
    expect: (b) => expect(b).toMatchObject({ totalResults: 0, Resources: [] }),
  },
  {
    method: 'POST',
    path: '/Users',
    status: 201,
    body: {
      schemas: [USER],
      userName: email,
      name: { givenName: 'Olive', familyName: 'Okta' },
      emails: [{ primary: true, value: email, type: 'work' }],
      displayName: 'Olive Okta',
      locale: 'en-US',
      externalId: '00u1okta0live',
      groups: [],
      password: 'ignored-by-wheelhouse-1',
      active: true,
    },
    expect: (b) =>
      expect(b).toMatchObject({
        userName: email,
        displayName: 'Olive Okta',
        externalId: '00u1okta0live',
        active: true,
      }),
  },
  { method: 'GET', path: '/Users/{id}', status: 200, expect: (b) => expect(b.active).toBe(true) },
  {
    method: 'PUT',
    path: '/Users/{id}',
    status: 200,
    body: {
      schemas: [USER],
      id: '{id}',
      userName: email,
      name: { givenName: 'Olive', familyName: 'Okta-Smith' },
      emails: [{ primary: true, value: email, type: 'work' }],
      displayName: 'Olive Okta-Smith',
      externalId: '00u1okta0live',
      active: true,
    },
    expect: (b) => expect(b.displayName).toBe('Olive Okta-Smith'),
  },
  {
    method: 'PATCH',
    path: '/Users/{id}',
    status: 200,
    body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] },
    expect: (b) => expect(b.active).toBe(false),
  },
];

/** Microsoft Entra ID's sequence: match on userName and externalId, create, patch (capitalised ops, string booleans), delete. */
const entraSequence = (email: string): Step[] => [
  {
    method: 'GET',
    path: q(`userName eq "${email}"`),
    status: 200,
    expect: (b) => expect(b.totalResults).toBe(0),
  },
  {
    method: 'GET',
    path: q('externalId eq "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef"'),
    status: 200,
    expect: (b) => expect(b.totalResults).toBe(0),
  },
  {
    method: 'POST',
    path: '/Users',
    status: 201,
    body: {
      schemas: [USER, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
      externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
      userName: email,
      active: true,
      emails: [{ primary: true, type: 'work', value: email }],
      meta: { resourceType: 'User' },
      name: { formatted: 'Emil Entra', familyName: 'Entra', givenName: 'Emil' },
      roles: [],
    },
  },
  {
    method: 'GET',
    path: q('externalId eq "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef"'),
    status: 200,
    expect: (b) => expect(b).toMatchObject({ totalResults: 1, Resources: [{ userName: email }] }),
  },
  {
    method: 'PATCH',
    path: '/Users/{id}',
    status: 200,
    body: {
      schemas: [PATCH_OP],
      Operations: [
        { op: 'Replace', path: 'displayName', value: 'Emil Entra-Berg' },
        { op: 'Add', path: 'name.familyName', value: 'Entra-Berg' },
        {
          op: 'Add',
          path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department',
          value: 'PM',
        },
      ],
    },
    expect: (b) => expect(b.displayName).toBe('Emil Entra-Berg'),
  },
  {
    method: 'PATCH',
    path: '/Users/{id}',
    status: 200,
    body: { schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] },
    expect: (b) => expect(b.active).toBe(false),
  },
  { method: 'DELETE', path: '/Users/{id}', status: 204 },
  { method: 'GET', path: '/Users/{id}', status: 200, expect: (b) => expect(b.active).toBe(false) },
];

describe('SCIM', () => {
  it('replays Okta’s sequence on a member who already signs in: the deactivated person is refused at the next request', async () => {
    app = await startTestApp();
    const admin = await buildWorkspace(app);
    const pm = await buildPm(app, admin, 'Olive');
    await buildRound(pm, admin);
    const token = await tokenFor(admin);
    // Okta finds the existing account by userName: the list answers it, so Okta links rather than creates.
    const found = await scim(
      token,
      'GET',
      `${q(`userName eq "${pm.email.toUpperCase()}"`)}&startIndex=1&count=100`,
    );
    expect(found.body).toMatchObject({ totalResults: 1, itemsPerPage: 1, startIndex: 1 });
    expect(found.body.Resources[0]).toMatchObject({ id: pm.id, userName: pm.email, active: true });
    expect(found.body.Resources[0].meta).toMatchObject({
      resourceType: 'User',
      location: `${app.url}/scim/v2/Users/${pm.id}`,
    });
    await replay(token, oktaSequence('olive.okta@example.com'));

    const off = await scim(token, 'PATCH', `/Users/${pm.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    // Within one request: their open browser is signed out, and a password sign-in is refused.
    expect((await pm.client.get('/api/pairs')).status).toBe(401);
    const again = await signIn(app, pm.email);
    expect(again.res.status).toBe(403);
    expect(again.res.body.error.message).toMatch(/turned this account off/);
    // Member removal's semantics: the pairing ended; their own data stays theirs.
    expect((await admin.client.get('/api/pairs')).body.filter((p: any) => p.status === 'active')).toEqual([]);
    const rounds = await app.deps.db
      .selectFrom('assessment_rounds')
      .select('id')
      .where('pm_id', '=', pm.id)
      .execute();
    expect(rounds).toHaveLength(1);
    // No reset link either while turned off.
    const reset = await admin.client.post(`/api/members/${pm.id}/password-reset`);
    expect(reset.status).toBe(409);

    // Turned back on, they sign in again.
    const on = await scim(token, 'PATCH', `/Users/${pm.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', value: { active: true } }],
    });
    expect(on.body.active).toBe(true);
    expect((await signIn(app, pm.email)).res.status).toBe(200);
  });

  it('replays Entra’s sequence; a member it created has no password until they set one', async () => {
    app = await startTestApp();
    const admin = await buildWorkspace(app);
    const token = await tokenFor(admin);
    const email = 'emil.entra@example.com';
    const id = await replay(token, entraSequence(email));
    const row = await app.deps.db
      .selectFrom('users')
      .select(['external_id', 'deactivated_at', 'name'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      external_id: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
      name: 'Emil Entra-Berg',
    });
    expect(row.deactivated_at).not.toBeNull();
    expect((await signIn(app, email, '!scim')).res.status).toBe(401);
    // Entra's member list in Wheelhouse no longer shows them.
    expect((await admin.client.get('/api/members')).body.map((m: any) => m.id)).not.toContain(id);
  });

  it('turns an admin off only while another admin is left; parallel deactivations end in one', async () => {
    app = await startTestApp();
    const admin = await buildWorkspace(app);
    const token = await tokenFor(admin);
    const off = { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] };
    const last = await scim(token, 'PATCH', `/Users/${admin.id}`, off);
    expect(last.status).toBe(409);
    expect(last.body.detail).toMatch(/last admin/);
    expect((await admin.client.get('/api/members')).status).toBe(200);

    const second = await buildMember(app, admin, 'Second Admin');
    await admin.client.patch(`/api/members/${second.id}`, { isAdmin: true });
    const results = await Promise.all(
      Array.from({ length: 10 }, () => scim(token, 'PATCH', `/Users/${second.id}`, off)),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect((await second.client.get('/api/members')).status).toBe(401);
    const row = await app.deps.db
      .selectFrom('users')
      .select(['is_admin', 'deactivated_at'])
      .where('id', '=', second.id)
      .executeTakeFirstOrThrow();
    expect(row.is_admin).toBe(0);
    expect(row.deactivated_at).not.toBeNull();
    // Now the first admin is the last one again.
    expect((await scim(token, 'PATCH', `/Users/${admin.id}`, off)).status).toBe(409);
  });

  it('links someone invited: the provider’s new user joins as invited, paired with the coach', async () => {
    app = await startTestApp();
    const admin = await buildWorkspace(app);
    const coach = await buildMember(app, admin, 'Cleo Coach');
    await coach.client.post('/api/invitations', { email: 'pat@example.com', kind: 'pm' });
    const token = await tokenFor(admin);
    const created = await scim(token, 'POST', '/Users', {
      schemas: [USER],
      userName: 'Pat@Example.com',
      displayName: 'Pat',
    });
    expect(created.status).toBe(201);
    const pairs = await coach.client.get('/api/pairs');
    expect(pairs.body).toEqual([
      expect.objectContaining({ status: 'active', pm: expect.objectContaining({ id: created.body.id }) }),
    ]);
    const invitations = (await coach.client.get('/api/invitations')).body;
    expect(invitations[0].status).toBe('accepted');
    // The same person again: SCIM's uniqueness error.
    const twice = await scim(token, 'POST', '/Users', { schemas: [USER], userName: 'pat@example.com' });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '409',
      scimType: 'uniqueness',
    });
  });

  it('pages as a ListResponse, answers the discovery documents, and refuses what it does not support in SCIM’s error shape', async () => {
    app = await startTestApp();
    const admin = await buildWorkspace(app);
    const token = await tokenFor(admin);
    for (const n of [1, 2, 3])
      expect(
        (await scim(token, 'POST', '/Users', { schemas: [USER], userName: `p${n}@example.com` })).status,
      ).toBe(201);
    const page = await scim(token, 'GET', '/Users?startIndex=2&count=2');
    expect(page.body).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 4,
      startIndex: 2,
      itemsPerPage: 2,
    });
    expect(page.body.Resources.map((r: any) => r.userName)).toEqual(['p1@example.com', 'p2@example.com']);
    expect((await scim(token, 'GET', '/Users?count=0')).body).toMatchObject({
      totalResults: 4,
      Resources: [],
    });

    const config = await scim(token, 'GET', '/ServiceProviderConfig');
    expect(config.body).toMatchObject({
      patch: { supported: true },
      bulk: { supported: false },
      filter: { supported: true },
    });
    expect((await scim(token, 'GET', '/Schemas')).body.Resources[0].id).toBe(USER);
    expect((await scim(token, 'GET', '/ResourceTypes')).body.Resources[0]).toMatchObject({
      id: 'User',
      endpoint: '/Users',
    });

    const badFilter = await scim(token, 'GET', q('displayName co "a"'));
    expect(badFilter.status).toBe(400);
    expect(badFilter.body).toMatchObject({ status: '400', scimType: 'invalidFilter' });
    const badBody = await scim(token, 'POST', '/Users', { schemas: [USER], userName: 'not an address' });
    expect(badBody.status).toBe(400);
    expect(badBody.body.detail).toBe('userName: must be an email address');
    const missing = await scim(token, 'GET', '/Users/2819c223-7f76-453a-919d-413861904646');
    expect(missing.status).toBe(404);
    expect(missing.type).toMatch(/^application\/scim\+json/);
    expect((await scim(token, 'GET', '/Users/not-an-id')).body).toEqual(missing.body);
    const badPatch = await scim(token, 'PATCH', `/Users/${page.body.Resources[0].id}`, {
      Operations: [{ op: 'Replace', path: 'active', value: 'maybe' }],
    });
    expect(badPatch.status).toBe(400);
    expect(badPatch.body.detail).toBe('active: must be true or false');
  });

  it('refuses no token, a wrong one and a revoked one with the identical 401; another workspace’s people are not found', async () => {
    app = await startTestApp();
    const admin = await buildWorkspace(app);
    const member = await buildMember(app, admin);
    const token = await tokenFor(admin);
    const refusals = [
      await scim(null, 'GET', '/Users'),
      await scim(`${token}x`, 'GET', '/Users'),
      await scim('scim_wrong', 'PATCH', `/Users/${member.id}`, {
        Operations: [{ op: 'replace', value: { active: false } }],
      }),
    ];
    const listed = (await admin.client.get('/api/scim-tokens')).body;
    expect(listed).toEqual([expect.objectContaining({ label: 'Identity provider', revokedAt: null })]);
    expect(JSON.stringify(listed)).not.toContain(token);
    expect((await admin.client.delete(`/api/scim-tokens/${listed[0].id}`)).status).toBe(200);
    refusals.push(await scim(token, 'GET', '/Users'));
    for (const r of refusals) {
      expect(r.status).toBe(401);
      expect(r.text).toBe(refusals[0]!.text);
      expect(r.type).toMatch(/^application\/scim\+json/);
    }
    expect((await signIn(app, member.email, PASSWORD)).res.status).toBe(200);

    // A member cannot make a token; a token of another workspace finds no one here.
    expect((await member.client.post('/api/scim-tokens', { label: 'mine' })).status).toBe(403);
    const elsewhere = await startOtherWorkspaceToken();
    expect((await scim(elsewhere, 'GET', `/Users/${member.id}`)).status).toBe(404);
    expect((await scim(elsewhere, 'GET', q(`userName eq "${member.email}"`))).body.totalResults).toBe(0);
    expect(
      (
        await scim(elsewhere, 'PATCH', `/Users/${member.id}`, {
          Operations: [{ op: 'replace', value: { active: false } }],
        })
      ).status,
    ).toBe(404);
    expect((await signIn(app, member.email, PASSWORD)).res.status).toBe(200);
  });
});

/** A second workspace (built in the database, as the matrix's world does) and a token of its own. */
async function startOtherWorkspaceToken() {
  const w = await buildWorld(app);
  const res = await w.clientFor('outsider').post('/api/scim-tokens', { label: 'Elsewhere' });
  return res.body.token as string;
}
