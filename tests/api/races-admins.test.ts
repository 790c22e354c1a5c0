import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PASSWORD, buildMember, buildWorkspace, type Person } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
beforeEach(async () => {
  app = await startTestApp();
});
afterEach(async () => {
  await app.close();
});

const TRIES = 6;

async function admins(): Promise<string[]> {
  const rows = await app.deps.db.selectFrom('users').select('id').where('is_admin', '=', 1).execute();
  return rows.map((r) => r.id);
}

/** `admin` makes a new member admin too: the workspace has exactly these two admins. */
async function secondAdmin(admin: Person): Promise<Person> {
  const other = await buildMember(app, admin);
  expect((await admin.client.patch(`/api/members/${other.id}`, { isAdmin: true })).status).toBe(200);
  expect((await admins()).sort()).toEqual([admin.id, other.id].sort());
  return other;
}

/** "One admin left" under parallel requests (issue 19): the workspace row lock decides. */
describe('the last admin', () => {
  it('stays when two admins step each other down at the same moment', async () => {
    let survivor = await buildWorkspace(app);
    for (let i = 0; i < TRIES; i++) {
      const other = await secondAdmin(survivor);
      const [down1, down2] = await Promise.all([
        survivor.client.patch(`/api/members/${other.id}`, { isAdmin: false }),
        other.client.patch(`/api/members/${survivor.id}`, { isAdmin: false }),
      ]);
      // One wins; the other hears 409 (the rule), or 403 when its session was read after the
      // winner had already taken its admin rights.
      const statuses = [down1.status, down2.status];
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      const refused = down1.status === 200 ? down2 : down1;
      expect([403, 409]).toContain(refused.status);
      if (refused.status === 409) expect(refused.body.error.message).toMatch(/at least one admin/);
      const left = await admins();
      expect(left).toHaveLength(1);
      survivor = left[0] === survivor.id ? survivor : other;
    }
  });

  it('stays when the two last admins erase themselves at the same moment', async () => {
    let survivor = await buildWorkspace(app);
    for (let i = 0; i < TRIES; i++) {
      const other = await secondAdmin(survivor);
      const erase = (p: Person) =>
        p.client.post('/api/account/erasure', { password: PASSWORD, confirm: true });
      const [first, second] = await Promise.all([erase(survivor), erase(other)]);
      expect([first.status, second.status].sort()).toEqual([200, 409]);
      const refused = first.status === 409 ? first : second;
      expect(refused.body.error.message).toMatch(/only admin/);
      const left = await admins();
      expect(left).toHaveLength(1);
      survivor = left[0] === survivor.id ? survivor : other;
    }
  });
});
