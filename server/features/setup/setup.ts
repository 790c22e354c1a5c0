import type { Db } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import { newId, nowIso } from '../../util.js';
import { createAccount } from '../auth/accounts.js';
import { isSetupNeeded } from '../auth/me.js';

/** First run: creates the workspace and its first account, who becomes workspace admin. */
export async function setUpWorkspace(input: {
  db: Db;
  workspaceName: string;
  name: string;
  email: string;
  password: string;
}) {
  const { db, workspaceName, name, email, password } = input;
  return db.transaction().execute(async (tx) => {
    if (!(await isSetupNeeded(tx))) {
      throw new AppError('conflict', 'Wheelhouse is already set up. Sign in instead.');
    }
    const workspaceId = newId();
    await tx
      .insertInto('workspaces')
      .values({ id: workspaceId, name: workspaceName, is_demo: 0, created_at: nowIso() })
      .execute();
    return createAccount({ db: tx, workspaceId, email, name, password, isAdmin: true });
  });
}
