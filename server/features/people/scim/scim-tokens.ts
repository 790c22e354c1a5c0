import type { Db } from '../../../db/database.js';
import { AppError, notFound } from '../../../http/errors.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorizeWorkspace } from '../../../privacy/workspace-rules.js';
import { hashToken, newId, newToken, nowIso } from '../../../util.js';

export interface ScimTokenView {
  id: string;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const present = (r: {
  id: string;
  label: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}): ScimTokenView => ({
  id: r.id,
  label: r.label,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

/** The workspace's SCIM tokens, never their secret (only its hash is stored). */
export async function listScimTokens(input: { db: Db; actor: Actor }): Promise<ScimTokenView[]> {
  authorizeWorkspace({ actor: input.actor, action: 'scim-token:manage' });
  const rows = await input.db
    .selectFrom('scim_tokens')
    .select(['id', 'label', 'created_at', 'last_used_at', 'revoked_at'])
    .where('workspace_id', '=', input.actor.workspaceId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(present);
}

/** A new token: the secret is in this answer once, and nowhere after. */
export async function createScimToken(input: { db: Db; actor: Actor; label: string }) {
  const { db, actor, label } = input;
  authorizeWorkspace({ actor, action: 'scim-token:manage' });
  const token = `scim_${newToken()}`;
  const row = {
    id: newId(),
    workspace_id: actor.workspaceId,
    label,
    token_hash: hashToken(token),
    created_by: actor.id,
    created_at: nowIso(),
    last_used_at: null,
    revoked_at: null,
  };
  await db.insertInto('scim_tokens').values(row).execute();
  return { ...present(row), token };
}

export async function revokeScimToken(input: { db: Db; actor: Actor; id: string }) {
  const { db, actor, id } = input;
  authorizeWorkspace({ actor, action: 'scim-token:manage' });
  const row = await db
    .selectFrom('scim_tokens')
    .select(['id', 'revoked_at'])
    .where('id', '=', id)
    .where('workspace_id', '=', actor.workspaceId)
    .executeTakeFirst();
  if (!row) throw notFound();
  if (row.revoked_at) throw new AppError('conflict', 'That token is already revoked.');
  await db.updateTable('scim_tokens').set({ revoked_at: nowIso() }).where('id', '=', id).execute();
}

/** The workspace a bearer token provisions, or null (missing, wrong and revoked look the same). */
export async function workspaceOfScimToken(db: Db, token: string): Promise<string | null> {
  const row = await db
    .selectFrom('scim_tokens')
    .select(['id', 'workspace_id', 'last_used_at'])
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  const now = nowIso();
  // Written at most once a minute: the admin page shows whether the provider is talking to us.
  if (!row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) > 60_000)
    await db.updateTable('scim_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
  return row.workspace_id;
}
