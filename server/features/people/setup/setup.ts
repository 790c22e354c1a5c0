import { originOf } from '../../../../common/public-address.js';
import type { Db } from '../../../db/database.js';
import { lockName } from '../../../db/lock.js';
import { AppError } from '../../../http/errors.js';
import { newId, nowIso } from '../../../util.js';
import { createAccount } from '../auth/accounts.js';
import type { PasswordHashing } from '../auth/passwords.js';
import { isSetupNeeded } from '../auth/me.js';

/**
 * First run: creates the workspace and its first account, who becomes workspace admin. Every
 * session of the demo ends here: a demo tried before setup stays a demo, and nobody who clicked
 * "explore the demo" on the new installation keeps a session once it belongs to someone.
 */
export async function setUpWorkspace(input: {
  db: Db;
  workspaceName: string;
  name: string;
  email: string;
  password: string;
  /** The address the admin's browser used, as they confirmed it on the first-run page. */
  publicAddress?: string | undefined;
  hashing?: PasswordHashing;
}) {
  const { db, workspaceName, name, email, password, publicAddress } = input;
  return db.transaction().execute(async (tx) => {
    // Parallel first runs queue here, so the second one sees the first one's workspace (issue 19).
    await lockName(tx, 'setup');
    if (!(await isSetupNeeded(tx))) {
      throw new AppError('conflict', 'Wheelhouse is already set up. Sign in instead.');
    }
    await tx
      .deleteFrom('sessions')
      .where('user_id', 'in', (q) =>
        q
          .selectFrom('users')
          .innerJoin('workspaces', 'workspaces.id', 'users.workspace_id')
          .select('users.id')
          .where('workspaces.is_demo', '=', 1),
      )
      .execute();
    const workspaceId = newId();
    await tx
      .insertInto('workspaces')
      .values({
        id: workspaceId,
        name: workspaceName,
        is_demo: 0,
        created_at: nowIso(),
        public_address: publicAddress ? originOf(publicAddress) : null,
      })
      .execute();
    return createAccount({
      db: tx,
      workspaceId,
      email,
      name,
      password,
      isAdmin: true,
      hashing: input.hashing,
    });
  });
}
