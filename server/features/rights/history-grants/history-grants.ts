import {
  historyPartWords,
  historyParts,
  type HistoryGrants,
  type HistoryPart,
} from '../../../../common/history-grants.js';
import { isPostgres } from '../../../db/dialect.js';
import type { Db } from '../../../db/database.js';
import { notFound } from '../../../http/errors.js';
import { recordAccess } from '../../../privacy/access-log.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorize, may, type Grant } from '../../../privacy/authorize.js';
import { newId } from '../../../util.js';

/**
 * History grants (decision 038): the PM shares with a current coach their history from before
 * the pairing, all of it or chosen parts; takes it back at any time; a grant ends with the pair.
 * Each grant and revoke is one entry in the PM's access log.
 */

interface Call {
  db: Db;
  actor: Actor;
  pmId: string;
}

/** The PM's current pairs with their coach. */
const currentPairs = (db: Db, pmId: string) =>
  db
    .selectFrom('pairs')
    .innerJoin('users', 'users.id', 'pairs.coach_id')
    .select(['pairs.id', 'pairs.coach_id', 'pairs.accepted_at', 'users.name', 'users.email'])
    .where('pairs.pm_id', '=', pmId)
    .where('pairs.status', '=', 'active')
    .orderBy('users.name')
    .execute();

/** In the order the PM reads them. */
const ordered = (parts: readonly string[]): HistoryPart[] => historyParts.filter((p) => parts.includes(p));

/** Who may see what of the history: the PM every current coach, a coach only their own. Logs nothing. */
async function presentGrants(db: Db, viewer: Grant): Promise<HistoryGrants> {
  const pm = await db
    .selectFrom('users')
    .select('name')
    .where('id', '=', viewer.pmId)
    .executeTakeFirstOrThrow();
  const pairs = (await currentPairs(db, viewer.pmId)).filter((p) =>
    may(viewer, 'history-grant:see', { historyGrant: { coach_id: p.coach_id } }),
  );
  const rows = pairs.length
    ? await db
        .selectFrom('history_grants')
        .select(['pair_id', 'part', 'granted_at'])
        .where(
          'pair_id',
          'in',
          pairs.map((p) => p.id),
        )
        .execute()
    : [];
  return {
    pmId: viewer.pmId,
    pmName: pm.name,
    viewerSide: viewer.side,
    coaches: pairs.map((p) => {
      const mine = rows.filter((r) => r.pair_id === p.id);
      const parts = ordered(mine.map((r) => r.part));
      return {
        coach: { id: p.coach_id, name: p.name, email: p.email },
        pairedSince: p.accepted_at ?? '',
        parts,
        all: parts.length === historyParts.length,
        grantedAt: mine.map((r) => r.granted_at).sort()[0] ?? null,
      };
    }),
  };
}

/** What the PM shared with whom (a coach: whether the PM shared anything with them). */
export async function readHistoryGrants(input: Call): Promise<HistoryGrants> {
  const grant = await authorize({ ...input, action: 'history-grants:read' });
  const answer = await presentGrants(input.db, grant);
  await recordAccess({ db: input.db, grant, resource: 'history grants' });
  return answer;
}

/** The current pair of this PM and coach, or the same 404 as an unknown coach. */
async function pairOf(db: Db, pmId: string, coachId: string) {
  const pair = (await currentPairs(db, pmId)).find((p) => p.coach_id === coachId);
  if (!pair) throw notFound();
  return pair;
}

const describeParts = (parts: HistoryPart[]) =>
  parts.length === historyParts.length
    ? 'all of it'
    : parts.map((p) => historyPartWords[p].name.toLowerCase()).join(', ');

/** The PM shares these parts with a current coach (replacing what was shared); no parts takes it all back. */
export async function setHistoryGrant(
  input: Call & { coachId: string; parts: HistoryPart[]; now: Date },
): Promise<HistoryGrants> {
  const { db, pmId, now } = input;
  const parts = ordered(input.parts);
  if (!parts.length) return revokeHistoryGrant(input);
  const grant = await authorize({ ...input, action: 'history-grants:grant' });
  const pair = await pairOf(db, pmId, input.coachId);
  await db.transaction().execute(async (tx) => {
    // Two changes at once (two tabs) take turns on the pair's row, so the last one wins whole;
    // on PostgreSQL they would otherwise both insert and one would hit the unique index. SQLite
    // runs one transaction at a time anyway.
    if (isPostgres(tx))
      await tx.selectFrom('pairs').select('id').where('id', '=', pair.id).forUpdate().execute();
    const kept = await tx
      .selectFrom('history_grants')
      .select(['part', 'granted_at'])
      .where('pair_id', '=', pair.id)
      .execute();
    await tx.deleteFrom('history_grants').where('pair_id', '=', pair.id).execute();
    await tx
      .insertInto('history_grants')
      .values(
        parts.map((part) => ({
          id: newId(),
          pm_id: pmId,
          coach_id: pair.coach_id,
          pair_id: pair.id,
          part,
          // A part shared before keeps the date it was first shared.
          granted_at: kept.find((k) => k.part === part)?.granted_at ?? now.toISOString(),
        })),
      )
      .execute();
  });
  const answer = await presentGrants(db, grant);
  await recordAccess({ db, grant, resource: `history shared with ${pair.name}: ${describeParts(parts)}` });
  return answer;
}

/** The PM stops sharing their history with a current coach. */
export async function revokeHistoryGrant(input: Call & { coachId: string }): Promise<HistoryGrants> {
  const { db, pmId } = input;
  const grant = await authorize({ ...input, action: 'history-grants:revoke' });
  const pair = await pairOf(db, pmId, input.coachId);
  await db.deleteFrom('history_grants').where('pair_id', '=', pair.id).execute();
  const answer = await presentGrants(db, grant);
  await recordAccess({ db, grant, resource: `history no longer shared with ${pair.name}` });
  return answer;
}
