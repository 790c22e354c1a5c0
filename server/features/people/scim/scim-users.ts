import { Email, PersonName } from '../../../../common/schemas.js';
import type { Db } from '../../../db/database.js';
import { lockRow } from '../../../db/lock.js';
import { isUniqueViolation } from '../../../db/unique.js';
import { newId, nowIso } from '../../../util.js';
import { endPairsOf } from '../pairs/pairs.js';
import { ScimError } from './scim-error.js';
import type { ScimFilter } from './scim-filter.js';

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';

/** What a provider sends about a person; every field optional, checked where it is used. */
export interface ScimUserInput {
  userName?: unknown;
  externalId?: unknown;
  displayName?: unknown;
  name?: { formatted?: unknown; givenName?: unknown; familyName?: unknown } | unknown;
  active?: unknown;
}

const userColumns = [
  'id',
  'email',
  'name',
  'external_id',
  'created_at',
  'password_changed_at',
  'removed_at',
  'deactivated_at',
  'is_admin',
] as const;

type UserRow = {
  id: string;
  email: string;
  name: string;
  external_id?: string | null;
  created_at: string;
  password_changed_at: string;
  removed_at?: string | null;
  deactivated_at?: string | null;
};

export function presentUser(r: UserRow, baseUrl: string) {
  return {
    schemas: [USER_SCHEMA],
    id: r.id,
    ...(r.external_id ? { externalId: r.external_id } : {}),
    userName: r.email,
    name: { formatted: r.name },
    displayName: r.name,
    emails: [{ value: r.email, type: 'work', primary: true }],
    // In the workspace and allowed to sign in: neither removed by an admin nor turned off here.
    active: !r.removed_at && !r.deactivated_at,
    meta: {
      resourceType: 'User',
      created: r.created_at,
      lastModified: [r.created_at, r.password_changed_at, r.removed_at ?? '', r.deactivated_at ?? '']
        .sort()
        .at(-1),
      location: `${baseUrl}/Users/${r.id}`,
    },
  };
}

const users = (db: Db, workspaceId: string) =>
  db
    .selectFrom('users')
    .select([...userColumns])
    .where('workspace_id', '=', workspaceId)
    .where('erased_at', 'is', null);

export async function listUsers(input: {
  db: Db;
  workspaceId: string;
  filter: ScimFilter | null;
  startIndex: number;
  count: number;
}) {
  const { db, workspaceId, filter, startIndex, count } = input;
  let query = users(db, workspaceId);
  if (filter?.attribute === 'userName') query = query.where('email', '=', filter.value.toLowerCase());
  if (filter?.attribute === 'externalId') query = query.where('external_id', '=', filter.value);
  const total = await db
    .selectFrom(query.as('matching'))
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows =
    count === 0
      ? []
      : await query
          .orderBy('created_at')
          .orderBy('id')
          .offset(startIndex - 1)
          .limit(count)
          .execute();
  return { total: Number(total.n), rows };
}

export async function findUser(db: Db, workspaceId: string, id: string) {
  const row = await users(db, workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new ScimError(404, 'No such user.');
  return row;
}

/**
 * A provider creates a person: a new member (no password: they sign in through single sign-on or
 * set one with "Forgot password?"). Someone with an open invitation to the workspace joins as
 * invited (a PM's invitation pairs them with its coach).
 */
export async function createUser(input: { db: Db; workspaceId: string; body: ScimUserInput }) {
  const { db, workspaceId, body } = input;
  const email = emailOf(body.userName);
  const name = nameOf(body) ?? email.split('@')[0]!;
  const externalId = externalIdOf(body.externalId);
  const active = body.active === undefined ? true : booleanOf(body.active, 'active');
  const id = newId();
  const now = nowIso();
  try {
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto('users')
        .values({
          id,
          workspace_id: workspaceId,
          email,
          name,
          // Never matches a password: argon2 refuses to read it.
          password_hash: '!scim',
          is_admin: 0,
          created_at: now,
          password_changed_at: now,
          external_id: externalId,
          deactivated_at: active ? null : now,
        })
        .execute();
      await acceptOpenInvitation(tx, { workspaceId, email, userId: id, now });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ScimError(409, 'A user with that userName or externalId already exists.', 'uniqueness');
    throw error;
  }
  return findUser(db, workspaceId, id);
}

async function acceptOpenInvitation(
  tx: Db,
  input: { workspaceId: string; email: string; userId: string; now: string },
) {
  const invitation = await tx
    .selectFrom('invitations')
    .selectAll()
    .where('workspace_id', '=', input.workspaceId)
    .where('email', '=', input.email)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', input.now)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  if (!invitation) return;
  await tx
    .updateTable('invitations')
    .set({ accepted_at: input.now, accepted_by: input.userId })
    .where('id', '=', invitation.id)
    .execute();
  if (invitation.kind === 'pm') {
    await tx
      .insertInto('pairs')
      .values({
        id: newId(),
        workspace_id: input.workspaceId,
        coach_id: invitation.invited_by,
        pm_id: input.userId,
        status: 'active',
        created_by: invitation.invited_by,
        created_at: invitation.created_at,
        accepted_at: input.now,
        ended_at: null,
      })
      .execute();
  }
}

/** Changes named by a PUT (the whole user) or a PATCH (the fields it names). */
export interface UserChanges {
  email?: string;
  name?: string;
  externalId?: string | null;
  active?: boolean;
}

export function changesFromUser(body: ScimUserInput): UserChanges {
  const changes: UserChanges = {};
  if (body.userName !== undefined) changes.email = emailOf(body.userName);
  const name = nameOf(body);
  if (name) changes.name = name;
  if (body.externalId !== undefined) changes.externalId = externalIdOf(body.externalId);
  if (body.active !== undefined) changes.active = booleanOf(body.active, 'active');
  return changes;
}

/**
 * PATCH operations as Okta sends them (`{"op":"replace","value":{"active":false}}`) and as Entra
 * does (`{"op":"Replace","path":"active","value":"False"}`: capitalised, booleans as strings).
 * Attributes Wheelhouse does not keep (phone numbers, addresses, manager…) are ignored.
 */
export function changesFromPatch(body: unknown): UserChanges {
  const operations = (body as { Operations?: unknown } | null)?.Operations;
  if (!Array.isArray(operations)) throw new ScimError(400, 'Operations: is required', 'invalidSyntax');
  const changes: UserChanges = {};
  for (const raw of operations) {
    const op = String((raw as { op?: unknown })?.op ?? '').toLowerCase();
    const path = (raw as { path?: unknown }).path;
    const value = (raw as { value?: unknown }).value;
    if (!['add', 'replace', 'remove'].includes(op))
      throw new ScimError(400, `op: "${op}" is not add, replace or remove`, 'invalidSyntax');
    if (op === 'remove') {
      if (typeof path === 'string' && path.toLowerCase() === 'externalid') changes.externalId = null;
      continue;
    }
    const fields: ScimUserInput = typeof path === 'string' ? fieldFromPath(path, value) : (value ?? {});
    Object.assign(changes, changesFromUser(fields));
  }
  return changes;
}

function fieldFromPath(path: string, value: unknown): ScimUserInput {
  switch (path.toLowerCase()) {
    case 'active':
      return { active: value };
    case 'username':
      return { userName: value };
    case 'externalid':
      return { externalId: value };
    case 'displayname':
      return { displayName: value };
    case 'name.formatted':
      return { name: { formatted: value } };
    default:
      return {};
  }
}

/** Applies changes in one transaction; turning a person off is today's member removal, and more. */
export async function applyChanges(input: { db: Db; workspaceId: string; id: string; changes: UserChanges }) {
  const { db, workspaceId, id, changes } = input;
  await findUser(db, workspaceId, id);
  try {
    await db.transaction().execute(async (tx) => {
      // A deactivation may touch admin rights: it queues on the workspace first, in the order
      // setAdmin takes (workspace, then person), so the two cannot deadlock.
      if (changes.active === false) await lockRow(tx, 'workspaces', workspaceId);
      // Parallel changes to one person queue here.
      await lockRow(tx, 'users', id);
      const now = nowIso();
      const set: { email?: string; name?: string; external_id?: string | null } = {};
      if (changes.email !== undefined) set.email = changes.email;
      if (changes.name !== undefined) set.name = changes.name;
      if (changes.externalId !== undefined) set.external_id = changes.externalId;
      if (Object.keys(set).length) await tx.updateTable('users').set(set).where('id', '=', id).execute();
      if (changes.active === false) await deactivate(tx, workspaceId, id, now);
      if (changes.active === true)
        await tx
          .updateTable('users')
          .set({ deactivated_at: null, removed_at: null })
          .where('id', '=', id)
          .execute();
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ScimError(409, 'A user with that userName or externalId already exists.', 'uniqueness');
    throw error;
  }
  return findUser(db, workspaceId, id);
}

/**
 * The leaver (issue 23): what removing a member does today (decision 043: every pairing ends,
 * signed out everywhere, their own data stays theirs), and no sign-in until the provider turns
 * them back on. Admin rights end too; the workspace's last admin cannot be turned off here.
 */
/** Inside applyChanges' transaction, with the workspace and the person locked. */
async function deactivate(tx: Db, workspaceId: string, id: string, now: string) {
  const person = await tx
    .selectFrom('users')
    .select(['is_admin', 'removed_at', 'deactivated_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  if (person.deactivated_at) return;
  if (person.is_admin === 1) {
    const admins = await tx
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .where('is_admin', '=', 1)
      .executeTakeFirstOrThrow();
    if (Number(admins.n) <= 1)
      throw new ScimError(
        409,
        'This is the workspace’s last admin. Make someone else admin in Wheelhouse first.',
      );
  }
  if (!person.removed_at) await endPairsOf(tx, id, now);
  await tx
    .updateTable('users')
    .set({ deactivated_at: now, removed_at: person.removed_at ?? now, is_admin: 0 })
    .where('id', '=', id)
    .execute();
  await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
  await tx
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('user_id', '=', id)
    .where('used_at', 'is', null)
    .execute();
}

function emailOf(value: unknown): string {
  const parsed = Email.safeParse(value);
  if (!parsed.success) throw new ScimError(400, 'userName: must be an email address', 'invalidValue');
  return parsed.data;
}

function nameOf(body: ScimUserInput): string | undefined {
  const n = (body.name ?? {}) as { formatted?: unknown; givenName?: unknown; familyName?: unknown };
  const joined = [n.givenName, n.familyName].filter((s) => typeof s === 'string' && s.trim()).join(' ');
  const candidate = [body.displayName, n.formatted, joined].find((s) => typeof s === 'string' && s.trim());
  if (candidate === undefined) return undefined;
  const parsed = PersonName.safeParse(candidate);
  if (!parsed.success)
    throw new ScimError(400, 'displayName: must be one line of at most 100 characters', 'invalidValue');
  return parsed.data;
}

function externalIdOf(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || value.length > 255)
    throw new ScimError(400, 'externalId: must be text of at most 255 characters', 'invalidValue');
  return value;
}

function booleanOf(value: unknown, field: string): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  throw new ScimError(400, `${field}: must be true or false`, 'invalidValue');
}
