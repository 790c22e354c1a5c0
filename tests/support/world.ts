import { hashPassword } from '../../server/features/people/auth/passwords.js';
import { createSession } from '../../server/features/people/auth/sessions.js';
import { newId, nowIso, hashToken, addMs, newToken } from '../../server/util.js';
import { Client } from './client.js';
import { PASSWORD } from './factories.js';
import type { TestApp } from './test-app.js';

/** Every way a person can stand to "the PM" of a world; the authorization matrix tries each. */
export const relations = [
  'self',
  'coach',
  'formerCoach',
  'otherCoach',
  'otherPm',
  'admin',
  'outsider',
  'anonymous',
] as const;
export type Relation = (typeof relations)[number];

export interface WorldPerson {
  id: string;
  email: string;
  client: Client;
}

export interface World {
  workspaceId: string;
  pm: WorldPerson;
  people: Record<Exclude<Relation, 'anonymous'>, WorldPerson>;
  /** A member with no pairs (someone to offer coaching to). */
  spare: WorldPerson;
  activePairId: string;
  endedPairId: string;
  pendingPairId: string;
  invitationId: string;
  invitationToken: string;
  clientFor: (relation: Relation) => Client;
}

let passwordHash: Promise<string> | undefined;

/**
 * A small workspace built straight in the database (fast enough for one world per attempt):
 * the PM ("self") with an active coach, a former coach, a pending offer from another coach who
 * coaches another PM, the workspace admin, and an outsider from another workspace.
 */
export async function buildWorld(app: TestApp): Promise<World> {
  const { db } = app.deps;
  passwordHash ??= hashPassword(PASSWORD, 'fast-for-tests');
  const hash = await passwordHash;
  const now = nowIso();
  const tag = Math.random().toString(36).slice(2, 9);
  const workspaceId = newId();
  const outsideId = newId();
  await db
    .insertInto('workspaces')
    .values([
      { id: workspaceId, name: `World ${tag}`, is_demo: 0, created_at: now },
      { id: outsideId, name: `Elsewhere ${tag}`, is_demo: 0, created_at: now },
    ])
    .execute();

  const person = async (
    role: string,
    options: { admin?: boolean; workspace?: string } = {},
  ): Promise<WorldPerson> => {
    const id = newId();
    const email = `${role.toLowerCase()}-${tag}@example.com`;
    await db
      .insertInto('users')
      .values({
        id,
        workspace_id: options.workspace ?? workspaceId,
        email,
        name: `${role} ${tag}`,
        password_hash: hash,
        is_admin: options.admin ? 1 : 0,
        created_at: now,
        password_changed_at: now,
      })
      .execute();
    const session = await createSession(db, id);
    return { id, email, client: new Client(app.url).useSession(session.token, session.csrfToken) };
  };
  const people = {
    self: await person('Pm'),
    coach: await person('Coach'),
    formerCoach: await person('FormerCoach'),
    otherCoach: await person('OtherCoach'),
    otherPm: await person('OtherPm'),
    admin: await person('Admin', { admin: true }),
    outsider: await person('Outsider', { admin: true, workspace: outsideId }),
  };
  const spare = await person('Spare');
  const pair = async (coachId: string, pmId: string, status: 'pending' | 'active' | 'ended') => {
    const id = newId();
    await db
      .insertInto('pairs')
      .values({
        id,
        workspace_id: workspaceId,
        coach_id: coachId,
        pm_id: pmId,
        status,
        created_by: coachId,
        created_at: now,
        accepted_at: status === 'pending' ? null : now,
        ended_at: status === 'ended' ? now : null,
      })
      .execute();
    return id;
  };
  const activePairId = await pair(people.coach.id, people.self.id, 'active');
  const endedPairId = await pair(people.formerCoach.id, people.self.id, 'ended');
  const pendingPairId = await pair(people.otherCoach.id, people.self.id, 'pending');
  await pair(people.otherCoach.id, people.otherPm.id, 'active');

  const invitationToken = newToken();
  const invitationId = newId();
  await db
    .insertInto('invitations')
    .values({
      id: invitationId,
      workspace_id: workspaceId,
      email: `invitee-${tag}@example.com`,
      kind: 'pm',
      token_hash: hashToken(invitationToken),
      invited_by: people.coach.id,
      created_at: now,
      expires_at: addMs(now, 86_400_000),
      accepted_at: null,
      accepted_by: null,
      revoked_at: null,
      mailed_at: null,
    })
    .execute();

  const anonymous = new Client(app.url);
  await anonymous.start();
  return {
    workspaceId,
    pm: people.self,
    people,
    spare,
    activePairId,
    endedPairId,
    pendingPairId,
    invitationId,
    invitationToken,
    clientFor: (relation) => (relation === 'anonymous' ? anonymous : people[relation].client),
  };
}
