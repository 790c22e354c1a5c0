import type { Db } from '../../../db/database.js';
import { isPostgres } from '../../../db/dialect.js';
import type { Actor } from '../../../privacy/actor.js';
import { eraseAccessLogOf } from '../../../privacy/access-log-erasure.js';
import { authorizeWorkspace, type DemoFacts } from '../../../privacy/workspace-rules.js';
import { ensureDefaultFramework } from '../../define-good/frameworks/frameworks.js';
import { loadVersion } from '../../define-good/frameworks/framework-versions.js';
import { isSetupNeeded } from '../auth/me.js';
import { newId, nowIso } from '../../../util.js';
import { demoCoach } from './demo-content.js';
import { generateTeam } from './generate.js';
import { seedSelfCheckDip } from './seed-self-check.js';
import { insertRound } from './seed-round.js';

// Not an argon2 hash: nobody can sign in to a demo account with a password (only via POST /api/demo or the CLI).
export const NO_PASSWORD = '!demo-account-without-password';

/** Two years of quarterly rounds for four PMs: the size the issue asks the demo to show. */
export const DEMO_SIZE = { pms: 4, rounds: 8, monthsBetweenRounds: 3 };

/** The demo workspace and its coach, if there is one. */
export async function findDemo(db: Db) {
  return db
    .selectFrom('workspaces')
    .innerJoin('users', 'users.workspace_id', 'workspaces.id')
    .select(['workspaces.id as workspaceId', 'users.id as coachId'])
    .where('workspaces.is_demo', '=', 1)
    .where('users.is_admin', '=', 1)
    .orderBy('workspaces.created_at')
    .executeTakeFirst();
}

/** What the demo rules look at: a new installation, and whether the person is in the demo. */
async function demoFacts(db: Db, actor: Actor | null): Promise<DemoFacts> {
  const workspace = actor
    ? await db
        .selectFrom('workspaces')
        .select('is_demo')
        .where('id', '=', actor.workspaceId)
        .executeTakeFirst()
    : undefined;
  return { setupNeeded: await isSetupNeeded(db), actorInDemo: workspace?.is_demo === 1 };
}

/**
 * Starts (or reuses) the demo for whoever the workspace rules let (see `demo:start`) and says whom
 * to sign in as: its coach, or (`as: 'pm'`) one of its PMs, to see the other side of the same story.
 */
export async function startDemo(input: { db: Db; actor: Actor | null; as?: 'coach' | 'pm' }) {
  const { db, actor } = input;
  authorizeWorkspace({ actor, action: 'demo:start', thing: await demoFacts(db, actor) });
  const demo = await createDemo({ db });
  if (input.as !== 'pm') return { ...demo, personId: demo.coachId };
  // The first PM by address (Amara): her latest round has the dip, her plan its own headline.
  const pm = await db
    .selectFrom('users')
    .select('id')
    .where('workspace_id', '=', demo.workspaceId)
    .where('is_admin', '=', 0)
    .orderBy('email')
    .limit(1)
    .executeTakeFirstOrThrow();
  return { ...demo, personId: pm.id };
}

/** Removes the demo for an admin or someone in it; says whether the person was in it (signed out now). */
export async function removeDemoFor(input: { db: Db; actor: Actor }) {
  const { db, actor } = input;
  const facts = await demoFacts(db, actor);
  authorizeWorkspace({ actor, action: 'demo:remove', thing: facts });
  await removeDemo({ db });
  return { wasInDemo: facts.actorInDemo };
}

/** Creates the demo workspace (or finds the one there is): a coach, four PMs, two years of rounds, one round in progress. */
export async function createDemo(input: { db: Db; passwordHash?: string; now?: Date }) {
  const { db } = input;
  const existing = await findDemo(db);
  if (existing) return existing;
  const workspaceId = newId();
  const coachId = newId();
  const now = nowIso(input.now);
  const passwordHash = input.passwordHash ?? NO_PASSWORD;
  await db
    .insertInto('workspaces')
    .values({ id: workspaceId, name: 'Northwind Product (demo)', is_demo: 1, created_at: now })
    .execute();
  await db
    .insertInto('users')
    .values({
      id: coachId,
      workspace_id: workspaceId,
      email: demoCoach.email,
      name: demoCoach.name,
      password_hash: passwordHash,
      is_admin: 1,
      created_at: now,
      password_changed_at: now,
    })
    .execute();
  const { pmIds } = await generateTeam({
    db,
    workspaceId,
    coachId,
    size: DEMO_SIZE,
    passwordHash: NO_PASSWORD,
    emailTag: 'demo',
    now: new Date(Date.parse(now) - 21 * 24 * 3600 * 1000),
  });
  // The current quarter is under way for the second PM: their self-assessment is half done.
  const version = await loadVersion(
    db,
    (
      await db
        .selectFrom('frameworks')
        .select('current_version_id')
        .where('id', '=', await ensureDefaultFramework(db, workspaceId))
        .executeTakeFirstOrThrow()
    ).current_version_id!,
  );
  const half = Object.fromEntries(
    version.content.areas.slice(0, 4).flatMap((a) => a.statements.map((s) => [s.key, 6])),
  );
  await insertRound(db, {
    workspaceId,
    pmId: pmIds[1]!,
    coachId,
    version,
    title: 'This quarter',
    createdAt: now,
    self: { scores: half, submitted: false },
    coach: { scores: {}, submitted: false },
  });
  // The first PM's shared self-check: a dip in one Team statement (issue 10, the seed's story).
  await seedSelfCheckDip(db, {
    pmId: pmIds[0]!,
    version,
    now: new Date(now),
    note: 'Avoiding the hard update to sales since the launch slipped.',
  });
  return { workspaceId, coachId };
}

/** Removes every demo workspace with everything in it. Real workspaces are never touched. */
export async function removeDemo(input: { db: Db }): Promise<number> {
  return input.db.transaction().execute(async (tx) => {
    const demos = (await tx.selectFrom('workspaces').select('id').where('is_demo', '=', 1).execute()).map(
      (w) => w.id,
    );
    if (!demos.length) return 0;
    // The demo's access log is demo data: it goes through the one lift the log has (decision 040);
    // without it the database refuses to delete a person who has log entries.
    // PostgreSQL: the rows are locked first, so an entry another request writes meanwhile waits
    // for this transaction (and then finds no one) instead of landing between lift and delete.
    const demoPeople = tx.selectFrom('users').select('id').where('workspace_id', 'in', demos);
    const people = await (isPostgres(tx) ? demoPeople.forUpdate() : demoPeople).execute();
    for (const person of people) await eraseAccessLogOf({ trx: tx, pmId: person.id });
    // Rounds point at framework versions without cascading, so they go first.
    await tx.deleteFrom('assessment_rounds').where('workspace_id', 'in', demos).execute();
    if (people.length)
      await tx
        .deleteFrom('self_checks')
        .where(
          'pm_id',
          'in',
          people.map((p) => p.id),
        )
        .execute();
    await tx.deleteFrom('frameworks').where('workspace_id', 'in', demos).execute();
    await tx.deleteFrom('workspaces').where('id', 'in', demos).execute();
    return demos.length;
  });
}
