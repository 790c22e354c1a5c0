import type { CreatedInvitation, Invitation } from '../../../../common/schemas.js';
import type { Db } from '../../../db/database.js';
import { lockRow } from '../../../db/lock.js';
import { AppError, notFound } from '../../../http/errors.js';
import type { Mailer } from '../../../mail/mailer.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorizeWorkspace, invitationsShownTo, mayInWorkspace } from '../../../privacy/workspace-rules.js';
import { addMs, hashToken, newId, newToken, nowIso } from '../../../util.js';
import { createAccount } from '../auth/accounts.js';
import type { PasswordHashing } from '../auth/passwords.js';
import { invitationMail } from './invitation-mail.js';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

type Kind = 'pm' | 'member';

const invitationQuery = (db: Db) =>
  db
    .selectFrom('invitations')
    .innerJoin('users', 'users.id', 'invitations.invited_by')
    .select([
      'invitations.id',
      'invitations.workspace_id',
      'invitations.email',
      'invitations.kind',
      'invitations.invited_by',
      'invitations.created_at',
      'invitations.expires_at',
      'invitations.accepted_at',
      'invitations.revoked_at',
      'invitations.mailed_at',
      'users.name as inviter_name',
      'users.email as inviter_email',
    ]);

type InvitationRow = Awaited<ReturnType<ReturnType<typeof invitationQuery>['executeTakeFirstOrThrow']>>;

function presentInvitation(r: InvitationRow, now: string): Invitation {
  return {
    id: r.id,
    email: r.email,
    kind: r.kind,
    invitedBy: { id: r.invited_by, name: r.inviter_name, email: r.inviter_email },
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    status: r.accepted_at ? 'accepted' : r.revoked_at ? 'revoked' : r.expires_at <= now ? 'expired' : 'open',
    link: null,
    mailed: r.mailed_at !== null,
  };
}

/**
 * Invites someone by email. Kind `pm`: the inviter will coach them (the pair starts when they
 * accept). Kind `member`: a plain member (another coach, say); only an admin may do that.
 * Only the link's hash is stored. How the link travels (decision 009):
 * - mail set up: it goes by mail, and only there for a non-admin, so accepting it proves the
 *   mailbox (a member cannot claim someone else's address); an admin also sees it once to copy;
 * - no mail: it is shown once to copy, the inviter hands it over;
 * - the demo workspace never sends mail: shown to copy, whatever the server's mail settings.
 */
export async function createInvitation(input: {
  db: Db;
  mailer: Mailer;
  /** SMTP is set up on the server (SMTP_URL). */
  mailConfigured: boolean;
  /** Where links start: the workspace's public address (setup/public-address.ts). */
  publicUrl: string;
  actor: Actor;
  email: string;
  kind: Kind;
}): Promise<CreatedInvitation> {
  const { db, mailer, mailConfigured, publicUrl, actor, email, kind } = input;
  authorizeWorkspace({
    actor,
    action: kind === 'member' ? 'invitation:invite-member' : 'invitation:invite-pm',
  });
  const existing = await db
    .selectFrom('users')
    .select('workspace_id')
    .where('email', '=', email)
    .executeTakeFirst();
  // A member of this workspace is named (the inviter can see them anyway); an account elsewhere
  // is not revealed: the invitation goes out, and accepting it asks them to sign in instead.
  if (existing?.workspace_id === actor.workspaceId) {
    throw new AppError(
      'conflict',
      'That person is already a member. Offer to coach them from your home page instead.',
    );
  }
  const token = newToken();
  const now = nowIso();
  const id = newId();
  const replaced = await db.transaction().execute(async (tx) => {
    // A new invitation to the same address from the same person replaces the open one; the
    // answer says so, since its link stops working (an expired one did not work anyway).
    const stillOpen = await tx
      .selectFrom('invitations')
      .select('id')
      .where('email', '=', email)
      .where('invited_by', '=', actor.id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .execute();
    await tx
      .updateTable('invitations')
      .set({ revoked_at: now })
      .where('email', '=', email)
      .where('invited_by', '=', actor.id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .execute();
    await tx
      .insertInto('invitations')
      .values({
        id,
        workspace_id: actor.workspaceId,
        email,
        kind,
        token_hash: hashToken(token),
        invited_by: actor.id,
        created_at: now,
        expires_at: addMs(now, INVITATION_TTL_MS),
        accepted_at: null,
        accepted_by: null,
        revoked_at: null,
        mailed_at: null,
      })
      .execute();
    return stillOpen.length > 0;
  });
  const link = `${publicUrl}/invite/${token}`;
  const inDemo = await isDemoWorkspace(db, actor.workspaceId);
  const byMail = mailConfigured && !inDemo;
  const mailed =
    byMail && (await mailer.send(invitationMail({ to: email, inviterName: actor.name, kind, link })));
  if (mailed) await db.updateTable('invitations').set({ mailed_at: nowIso() }).where('id', '=', id).execute();
  const created = await invitationQuery(db).where('invitations.id', '=', id).executeTakeFirstOrThrow();
  // With mail set up, the mailbox alone gets the link (if the mail failed, nobody does: inviting
  // again replaces this invitation); an admin still sees it to copy.
  const shown = !byMail || mayInWorkspace({ actor, action: 'invitation:see-mailed-link' });
  return { ...presentInvitation(created, nowIso()), link: shown ? link : null, replaced };
}

async function isDemoWorkspace(db: Db, workspaceId: string) {
  const row = await db
    .selectFrom('workspaces')
    .select('is_demo')
    .where('id', '=', workspaceId)
    .executeTakeFirst();
  return row?.is_demo === 1;
}

/** The invitations an actor sees (workspace-rules.ts): an admin the workspace's, others their own. */
export async function listInvitations(input: { db: Db; actor: Actor }): Promise<Invitation[]> {
  const { db, actor } = input;
  authorizeWorkspace({ actor, action: 'invitation:list' });
  const shown = invitationsShownTo(actor);
  let query = invitationQuery(db)
    .where('invitations.workspace_id', '=', shown.workspaceId)
    .orderBy('invitations.created_at', 'desc');
  if (shown.invitedBy) query = query.where('invitations.invited_by', '=', shown.invitedBy);
  const now = nowIso();
  return (await query.execute()).map((r) => presentInvitation(r, now));
}

/** Revokes an open invitation (its inviter or an admin of the workspace). */
export async function revokeInvitation(input: { db: Db; actor: Actor; id: string }) {
  const { db, actor, id } = input;
  const row = await invitationQuery(db).where('invitations.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  authorizeWorkspace({ actor, action: 'invitation:revoke', thing: row });
  const invitation = presentInvitation(row, nowIso());
  if (invitation.status !== 'open') {
    throw new AppError('conflict', `That invitation is already ${invitation.status}.`);
  }
  await db.updateTable('invitations').set({ revoked_at: nowIso() }).where('id', '=', id).execute();
}

/** What the invitation page shows before the person signs up. */
export async function previewInvitation(input: { db: Db; token: string }) {
  const row = await findUsableInvitation(input.db, input.token);
  return {
    email: row.email,
    kind: row.kind,
    inviterName: row.inviter_name,
    workspaceName: row.workspace_name,
  };
}

/** Signs up through an invitation: creates the account and, for a PM, the pair with the inviter. */
export async function acceptInvitation(input: {
  db: Db;
  /** The invitation link's token, or (single sign-on) the provider's verified e-mail address. */
  token: string | { email: string };
  name: string;
  /** Null: the person signs in through single sign-on only (issue 23). */
  password: string | null;
  /** The app's clock: a pairing starts then (what a coach sees of the PM's history starts there). */
  now?: Date;
  hashing?: PasswordHashing;
}) {
  return input.db.transaction().execute((tx) => joinThroughInvitation({ ...input, db: tx }));
}

/** acceptInvitation inside a transaction the caller holds (single sign-on links the account in it too). */
export async function joinThroughInvitation(input: Parameters<typeof acceptInvitation>[0]) {
  const { db: tx, token, name, password } = input;
  // Parallel accepts of one link queue on its row; the next one then reads it as used (410).
  await lockRow(tx, 'invitations', (await findUsableInvitation(tx, token)).id);
  const invitation = await findUsableInvitation(tx, token);
  const now = nowIso();
  const userId = await createAccount({
    db: tx,
    workspaceId: invitation.workspace_id,
    email: invitation.email,
    name,
    password,
    isAdmin: false,
    hashing: input.hashing,
  });
  // Claim the invitation atomically so one link makes one account.
  const claimed = await tx
    .updateTable('invitations')
    .set({ accepted_at: now, accepted_by: userId })
    .where('id', '=', invitation.id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1)
    throw new AppError('gone', 'This invitation has already been used.');
  if (invitation.kind === 'pm') {
    await tx
      .insertInto('pairs')
      .values({
        id: newId(),
        workspace_id: invitation.workspace_id,
        coach_id: invitation.invited_by,
        pm_id: userId,
        status: 'active',
        created_by: invitation.invited_by,
        created_at: invitation.created_at,
        accepted_at: input.now?.toISOString() ?? now,
        ended_at: null,
      })
      .execute();
  }
  return userId;
}

async function findUsableInvitation(db: Db, token: string | { email: string }) {
  let query = db
    .selectFrom('invitations')
    .innerJoin('users', 'users.id', 'invitations.invited_by')
    .innerJoin('workspaces', 'workspaces.id', 'invitations.workspace_id')
    .selectAll('invitations')
    .select(['users.name as inviter_name', 'workspaces.name as workspace_name'])
    // From someone removed or erased since (decision 043), an invitation leads nowhere.
    .where('users.removed_at', 'is', null)
    .where('users.erased_at', 'is', null);
  if (typeof token === 'string') query = query.where('invitations.token_hash', '=', hashToken(token));
  else
    // Single sign-on: the newest open invitation to the provider's verified address.
    query = query
      .where('invitations.email', '=', token.email)
      .where('invitations.accepted_at', 'is', null)
      .where('invitations.revoked_at', 'is', null)
      .where('invitations.expires_at', '>', nowIso())
      .orderBy('invitations.created_at', 'desc')
      .limit(1);
  const row = await query.executeTakeFirst();
  if (!row) throw notFound();
  if (row.accepted_at) throw new AppError('gone', 'This invitation has already been used. Sign in instead.');
  if (row.revoked_at) throw new AppError('gone', 'This invitation was withdrawn. Ask for a new one.');
  if (row.expires_at <= nowIso())
    throw new AppError('gone', 'This invitation has expired. Ask for a new one.');
  return row;
}
