import type { Pair } from '../../../../common/schemas.js';
import type { Db } from '../../../db/database.js';
import { uniquely } from '../../../db/unique.js';
import { AppError, notFound } from '../../../http/errors.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorizeWorkspace, mayInWorkspace } from '../../../privacy/workspace-rules.js';
import { newId, nowIso } from '../../../util.js';
import { announce } from '../../../live/bus.js';

function pairQuery(db: Db) {
  return db
    .selectFrom('pairs')
    .innerJoin('users as coach', 'coach.id', 'pairs.coach_id')
    .innerJoin('users as pm', 'pm.id', 'pairs.pm_id')
    .innerJoin('users as proposer', 'proposer.id', 'pairs.created_by')
    .select([
      'pairs.id',
      'pairs.workspace_id',
      'pairs.status',
      'pairs.created_at',
      'pairs.accepted_at',
      'pairs.ended_at',
      'coach.id as coach_id',
      'coach.name as coach_name',
      'coach.email as coach_email',
      'pm.id as pm_id',
      'pm.name as pm_name',
      'pm.email as pm_email',
      'proposer.id as proposer_id',
      'proposer.name as proposer_name',
      'proposer.email as proposer_email',
    ]);
}

type PairRow = Awaited<ReturnType<ReturnType<typeof pairQuery>['executeTakeFirstOrThrow']>>;

/** Presents a pair: the two people and its state, nothing of the coaching itself. */
export const presentPair = (r: PairRow): Pair => ({
  id: r.id,
  coach: { id: r.coach_id, name: r.coach_name, email: r.coach_email },
  pm: { id: r.pm_id, name: r.pm_name, email: r.pm_email },
  proposedBy: { id: r.proposer_id, name: r.proposer_name, email: r.proposer_email },
  status: r.status,
  createdAt: r.created_at,
  acceptedAt: r.accepted_at,
  endedAt: r.ended_at,
});

/** The pairs an actor is part of, as coach or as PM. */
export async function listMyPairs(input: { db: Db; actor: Actor }): Promise<Pair[]> {
  const rows = await pairQuery(input.db)
    .where((eb) => eb.or([eb('pairs.coach_id', '=', input.actor.id), eb('pairs.pm_id', '=', input.actor.id)]))
    .orderBy('pairs.created_at', 'desc')
    .execute();
  return rows.map(presentPair);
}

/** Who coaches whom in the workspace (admin only): names and state, no coaching data. */
export async function listWorkspacePairs(input: { db: Db; actor: Actor }): Promise<Pair[]> {
  authorizeWorkspace({ actor: input.actor, action: 'pair:list-workspace' });
  const rows = await pairQuery(input.db)
    .where('pairs.workspace_id', '=', input.actor.workspaceId)
    .orderBy('pairs.created_at', 'desc')
    .execute();
  return rows.map(presentPair);
}

/**
 * Proposes a pair. A member may offer to coach another member; an admin may pair any two
 * members. Either way the PM has to accept before the coach sees anything.
 */
export async function proposePair(input: {
  db: Db;
  actor: Actor;
  coachId?: string;
  pmId: string;
}): Promise<Pair> {
  const { db, actor, pmId } = input;
  const coachId = input.coachId ?? actor.id;
  authorizeWorkspace({ actor, action: 'pair:offer', thing: { coach_id: coachId } });
  if (coachId === pmId) throw new AppError('validation_failed', 'pmId: a person cannot coach themself');
  const members = await db
    .selectFrom('users')
    .select('id')
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', 'in', [coachId, pmId])
    .where('removed_at', 'is', null)
    .where('erased_at', 'is', null)
    .execute();
  if (members.length !== 2) throw notFound();
  const open = await livePair(db, coachId, pmId);
  if (open) throw alreadyPaired(open.status);
  const id = newId();
  // The check above answers the common case kindly; the unique index holds under parallel offers.
  await uniquely(
    () =>
      db
        .insertInto('pairs')
        .values({
          id,
          workspace_id: actor.workspaceId,
          coach_id: coachId,
          pm_id: pmId,
          status: 'pending',
          created_by: actor.id,
          created_at: nowIso(),
          accepted_at: null,
          ended_at: null,
        })
        .execute(),
    () => alreadyPaired('pending'),
  );
  return getPair(db, id);
}

const livePair = (db: Db, coachId: string, pmId: string) =>
  db
    .selectFrom('pairs')
    .select('status')
    .where('coach_id', '=', coachId)
    .where('pm_id', '=', pmId)
    .where('status', 'in', ['pending', 'active'])
    .executeTakeFirst();

const alreadyPaired = (status: string) =>
  new AppError(
    'conflict',
    status === 'active'
      ? 'These two are already paired.'
      : 'This pairing is already waiting for the PM to accept.',
  );

async function getPair(db: Db, id: string) {
  return presentPair(await pairQuery(db).where('pairs.id', '=', id).executeTakeFirstOrThrow());
}

/** Loads a pair for one of the pair rows of the workspace rules, or refuses as not found. */
async function pairFor(
  db: Db,
  actor: Actor,
  id: string,
  action: 'pair:accept' | 'pair:decline' | 'pair:end',
) {
  const row = await pairQuery(db).where('pairs.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  authorizeWorkspace({ actor, action, thing: row });
  return row;
}

/** The PM accepts a proposed pair; from now on the coach sees their coaching data. */
export async function acceptPair(input: { db: Db; actor: Actor; id: string; now?: Date }): Promise<Pair> {
  const { db, actor, id } = input;
  const pair = await pairFor(db, actor, id, 'pair:accept');
  if (pair.status !== 'pending') throw new AppError('conflict', `This pairing is already ${pair.status}.`);
  await db
    .updateTable('pairs')
    .set({ status: 'active', accepted_at: input.now?.toISOString() ?? nowIso() })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
  return getPair(db, id);
}

/**
 * The PM declines, or the coach (or an admin) withdraws, a pair that was never accepted. The row
 * stays, so the other side can see what became of the offer; it grants nothing.
 */
export async function declinePair(input: { db: Db; actor: Actor; id: string }): Promise<Pair> {
  const { db, actor, id } = input;
  const pair = await pairFor(db, actor, id, 'pair:decline');
  if (pair.status !== 'pending')
    throw new AppError('conflict', 'Only a pairing waiting for acceptance can be declined.');
  // The one who may accept it declines it; the coach or an admin withdraws the offer.
  const status = mayInWorkspace({ actor, action: 'pair:accept', thing: pair }) ? 'declined' : 'withdrawn';
  await db
    .updateTable('pairs')
    .set({ status, ended_at: nowIso() })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
  return getPair(db, id);
}

/** Ends an active pair: history stays with the PM, the former coach loses access at once. */
export async function endPair(input: { db: Db; actor: Actor; id: string }): Promise<Pair> {
  const { db, actor, id } = input;
  const pair = await pairFor(db, actor, id, 'pair:end');
  if (pair.status !== 'active') throw new AppError('conflict', 'Only an active pairing can be ended.');
  await db.updateTable('pairs').set({ status: 'ended', ended_at: nowIso() }).where('id', '=', id).execute();
  // The former coach's open coaching-session page closes now, on every instance (decision 056).
  await announce(db, { kind: 'recheck', people: [pair.pm_id, pair.coach_id] });
  return getPair(db, id);
}

/**
 * Ends every live pairing of a person at once, inside the caller's transaction (erasure, member
 * removal): active pairs end, offers are withdrawn, coaching sessions still ahead are cancelled
 * and invitations they sent are revoked. Returns how many pairings ended.
 */
export async function endPairsOf(trx: Db, personId: string, now: string): Promise<number> {
  const ofPerson = (column: 'coach_id' | 'pm_id') =>
    trx.updateTable('pairs').set({ ended_at: now }).where(column, '=', personId);
  let ended = 0;
  for (const column of ['coach_id', 'pm_id'] as const) {
    const active = await ofPerson(column)
      .set({ status: 'ended' })
      .where('status', '=', 'active')
      .executeTakeFirst();
    const pending = await ofPerson(column)
      .set({ status: 'withdrawn' })
      .where('status', '=', 'pending')
      .executeTakeFirst();
    ended += Number(active.numUpdatedRows) + Number(pending.numUpdatedRows);
    await trx
      .updateTable('coaching_sessions')
      .set({ status: 'cancelled', cancelled_at: now, updated_at: now })
      .where(column, '=', personId)
      .where('status', '=', 'scheduled')
      .execute();
  }
  // An invitation they sent would pair the invitee with someone who is gone.
  await trx
    .updateTable('invitations')
    .set({ revoked_at: now })
    .where('invited_by', '=', personId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
  return ended;
}
