import type { PeerInvitation } from '../../../../common/wheel-peers.js';
import type { Db } from '../../../db/database.js';
import { AppError, notFound } from '../../../http/errors.js';
import { recordAccess } from '../../../privacy/access-log.js';
import type { Actor } from '../../../privacy/actor.js';
import { addMs, hashToken, newId, newToken, nowIso } from '../../../util.js';
import { authorizeRound } from '../rounds/round-access.js';

export const PEER_LINK_TTL_MS = 14 * 24 * 60 * 60 * 1000;
const MAX_PEERS_PER_ROUND = 20;

type PeerRow = {
  id: string;
  name: string;
  created_at: string;
  expires_at: string;
  submitted_at: string | null;
  revoked_at: string | null;
};

const presentPeer = (r: PeerRow, link: string | null = null): PeerInvitation => ({
  id: r.id,
  name: r.name,
  status: r.submitted_at
    ? 'submitted'
    : r.revoked_at
      ? 'revoked'
      : r.expires_at <= nowIso()
        ? 'expired'
        : 'open',
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  link,
});

const peerColumns = ['id', 'name', 'created_at', 'expires_at', 'submitted_at', 'revoked_at'] as const;

/** The peers a PM asked to score them in a round (the PM only). */
export async function listPeers(input: { db: Db; actor: Actor; roundId: string }): Promise<PeerInvitation[]> {
  const { round, grant } = await authorizeRound({ ...input, action: 'peers:manage' });
  const rows = await input.db
    .selectFrom('peer_invitations')
    .select(peerColumns)
    .where('round_id', '=', round.id)
    .orderBy('created_at')
    .execute();
  await recordAccess({ db: input.db, grant, resource: `peers of "${round.title}"` });
  return rows.map((r) => presentPeer(r));
}

/** The PM invites a peer by link (shown once; only its hash is stored) to score them once. */
export async function invitePeer(input: {
  db: Db;
  actor: Actor;
  publicUrl: string;
  roundId: string;
  name: string;
}): Promise<PeerInvitation> {
  const { db, publicUrl, name } = input;
  const { round, grant } = await authorizeRound({ ...input, action: 'peers:manage' });
  const count = await db
    .selectFrom('peer_invitations')
    .select('id')
    .where('round_id', '=', round.id)
    .where('revoked_at', 'is', null)
    .execute();
  if (count.length >= MAX_PEERS_PER_ROUND)
    throw new AppError('conflict', `A round can have at most ${MAX_PEERS_PER_ROUND} peers.`);
  const token = newToken();
  const now = nowIso();
  const row = {
    id: newId(),
    round_id: round.id,
    name,
    token_hash: hashToken(token),
    created_at: now,
    expires_at: addMs(now, PEER_LINK_TTL_MS),
    submitted_at: null,
    revoked_at: null,
  };
  await db.insertInto('peer_invitations').values(row).execute();
  await recordAccess({ db, grant, resource: `peers of "${round.title}"` });
  return presentPeer(row, `${publicUrl}/peer/${token}`);
}

/** Withdraws a peer link that was not used yet. */
export async function revokePeer(input: { db: Db; actor: Actor; roundId: string; peerId: string }) {
  const { round, grant } = await authorizeRound({ ...input, action: 'peers:manage' });
  const peer = await input.db
    .selectFrom('peer_invitations')
    .select(peerColumns)
    .where('id', '=', input.peerId)
    .where('round_id', '=', round.id)
    .executeTakeFirst();
  if (!peer) throw notFound();
  if (peer.submitted_at) throw new AppError('conflict', 'This peer has already answered.');
  await input.db
    .updateTable('peer_invitations')
    .set({ revoked_at: nowIso() })
    .where('id', '=', peer.id)
    .where('revoked_at', 'is', null)
    .execute();
  await recordAccess({ db: input.db, grant, resource: `peers of "${round.title}"` });
}

/** The PM shares (or stops sharing) a round's peer scores with the coach. */
export async function setPeerSharing(input: { db: Db; actor: Actor; roundId: string; shared: boolean }) {
  const { round, grant } = await authorizeRound({ ...input, action: 'peers:manage' });
  await input.db
    .updateTable('assessment_rounds')
    .set({ peers_shared: input.shared ? 1 : 0 })
    .where('id', '=', round.id)
    .execute();
  await recordAccess({ db: input.db, grant, resource: `peer sharing of "${round.title}"` });
  return { shared: input.shared };
}
