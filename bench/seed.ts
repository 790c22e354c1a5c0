import type { Db } from '../server/db/database.js';
import { createSession } from '../server/features/auth/sessions.js';
import { generateTeam, type TeamSize } from '../server/features/demo/generate.js';
import { NO_PASSWORD } from '../server/features/demo/demo.js';
import { newId, nowIso } from '../server/util.js';

/** A team with years of history, through the demo generator: the coach's session and the PMs. */
export async function seedTeam(db: Db, size: TeamSize) {
  const workspaceId = newId();
  const coachId = newId();
  const now = nowIso();
  await db
    .insertInto('workspaces')
    .values({ id: workspaceId, name: 'Bench Product', is_demo: 0, created_at: now })
    .execute();
  await db
    .insertInto('users')
    .values({
      id: coachId,
      workspace_id: workspaceId,
      email: 'coach@bench.invalid',
      name: 'Bench Coach',
      password_hash: NO_PASSWORD,
      is_admin: 1,
      created_at: now,
      password_changed_at: now,
    })
    .execute();
  const { pmIds } = await generateTeam({
    db,
    workspaceId,
    coachId,
    size,
    passwordHash: NO_PASSWORD,
    emailTag: 'bench',
  });
  const session = await createSession(db, coachId);
  const latest = await db
    .selectFrom('assessment_rounds')
    .select('id')
    .where('pm_id', '=', pmIds[0]!)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  return { pmId: pmIds[0]!, latestRoundId: latest.id, cookie: `wh_session=${session.token}` };
}
