import type { ErasureSummary } from '../../../../common/erasure.js';
import type { Db } from '../../../db/database.js';
import { isPostgres } from '../../../db/dialect.js';
import { lockRow } from '../../../db/lock.js';
import { AppError } from '../../../http/errors.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorizeWorkspace } from '../../../privacy/workspace-rules.js';
import { verifyPassword } from '../../people/auth/passwords.js';
import { attemptSucceeded, reserveAttempt } from '../../people/auth/throttle.js';
import { forgetPerson } from '../../assess/wheel/wheel-cache.js';
import { countWhatGoes } from './counts.js';
import { erasePerson } from './erase.js';
import { whatGoesAndStays } from './words.js';
import { announce } from '../../../live/bus.js';

const LAST_ADMIN =
  'You are the only admin of this workspace. Make someone else admin on the Members page first, then erase your account.';

/** What erasing the signed-in person would take and leave, in words built from their own data. */
export async function erasureSummary(input: { db: Db; actor: Actor }): Promise<ErasureSummary> {
  const { db, actor } = input;
  authorizeWorkspace({ actor, action: 'account:erase' });
  const counts = await countWhatGoes(db, actor.id);
  return {
    counts,
    ...whatGoesAndStays(counts),
    blockedBecause: (await isLastAdmin(db, actor)) ? LAST_ADMIN : null,
  };
}

/**
 * Erases the signed-in person after checking their password (decision 043): one transaction, so
 * a wrong password, the last-admin rule or any failure on the way leaves everything as it was.
 * Their sessions end with it; the caller clears the cookie.
 */
export async function eraseAccount(input: {
  db: Db;
  actor: Actor;
  password: string;
  now: Date;
}): Promise<void> {
  const { db, actor, password, now } = input;
  authorizeWorkspace({ actor, action: 'account:erase' });
  // A stolen session must not become a way to guess the password: 5 wrong tries, then a pause.
  const keys = { passwordChange: `erasure:${actor.id}` };
  await reserveAttempt(db, keys);
  const user = await db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', actor.id)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, password)))
    throw new AppError('validation_failed', 'password: does not match your account. Nothing was erased.');
  await attemptSucceeded(db, keys);
  await db.transaction().execute(async (trx) => {
    // The last-admin rule is checked under the workspace lock every admin change takes (decision
    // 048): two last admins erasing themselves at once cannot both see the other one left.
    await lockRow(trx, 'workspaces', actor.workspaceId);
    // PostgreSQL: the person's row is locked, so a second erasure waits, and so does every write
    // naming them (the erased-person triggers, decision 048) until this one has committed.
    const me = trx.selectFrom('users').select('id').where('id', '=', actor.id).where('erased_at', 'is', null);
    if (!(await (isPostgres(trx) ? me.forUpdate() : me).executeTakeFirst()))
      throw new AppError('gone', 'This account has already been erased.');
    if (await isLastAdmin(trx, actor)) throw new AppError('conflict', LAST_ADMIN);
    await erasePerson({ trx, personId: actor.id, now });
  });
  forgetPerson(db, actor.id);
  // Their open live pages, and those of the people paired with them, are checked again now.
  await announce(db, { kind: 'recheck', people: [actor.id] });
}

/** The person is an admin and no one else in the workspace is. */
async function isLastAdmin(db: Db, actor: Actor): Promise<boolean> {
  const self = await db.selectFrom('users').select('is_admin').where('id', '=', actor.id).executeTakeFirst();
  if (self?.is_admin !== 1) return false;
  const another = await db
    .selectFrom('users')
    .select('id')
    .where('workspace_id', '=', actor.workspaceId)
    .where('is_admin', '=', 1)
    .where('erased_at', 'is', null)
    .where('id', '!=', actor.id)
    .executeTakeFirst();
  return !another;
}
