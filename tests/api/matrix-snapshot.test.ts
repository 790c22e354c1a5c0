import { expect, it } from 'vitest';
import { useTestApp } from '../support/test-app.js';
import { buildWorld } from '../support/world.js';
import { snapshot } from './matrix/snapshot.js';

const app = useTestApp();

// The matrix's "a refused request changed nothing" rests on this (one query on PostgreSQL).
it('the matrix snapshot sees a changed, added or removed row, and not session bookkeeping', async () => {
  const world = await buildWorld(app);
  const db = app.deps.db;
  const before = await snapshot(db);
  expect(before.users).toHaveLength(8);
  expect(await snapshot(db)).toEqual(before);

  await db
    .updateTable('sessions')
    .set({ last_seen_at: new Date(0).toISOString() })
    .execute();
  expect(await snapshot(db)).toEqual(before);

  await db.updateTable('pairs').set({ status: 'ended' }).where('id', '=', world.pendingPairId).execute();
  const changed = await snapshot(db);
  expect(changed.pairs).not.toEqual(before.pairs);
  expect({ ...changed, pairs: before.pairs }).toEqual(before);

  await db.deleteFrom('invitations').where('id', '=', world.invitationId).execute();
  expect((await snapshot(db)).invitations).toEqual([]);
});
