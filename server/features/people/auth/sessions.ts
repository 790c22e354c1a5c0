import { compiledOnce } from '../../../db/compiled-once.js';
import type { Db } from '../../../db/database.js';
import type { Actor, LiveSession } from '../../../privacy/actor.js';
import { rememberPairs } from '../../../privacy/known-pairs.js';
import { addMs, hashToken, newToken, nowIso } from '../../../util.js';

/** A session ends after this long without a request… */
export const SESSION_IDLE_MS = 3 * 24 * 60 * 60 * 1000;
/** …and in any case this long after sign-in. */
export const SESSION_ABSOLUTE_MS = 30 * 24 * 60 * 60 * 1000;
// last_seen_at is written at most this often, so reads do not each cost a write.
const TOUCH_EVERY_MS = 60 * 1000;

/** Starts a new session (a fresh random token on every sign-in) and returns its secrets. */
export async function createSession(db: Db, userId: string) {
  const token = newToken();
  const csrfToken = newToken();
  const now = nowIso();
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      expires_at: addMs(now, SESSION_ABSOLUTE_MS),
    })
    .execute();
  return { token, csrfToken, userId };
}

const sessionQuery = (db: Db, tokenHash: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.csrf_token',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'users.id',
      'users.workspace_id',
      'users.name',
      'users.email',
      'users.is_admin',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    // Turned off by the identity provider (SCIM): the very next request is signed out.
    .where('users.deactivated_at', 'is', null);

// Built and compiled once (every request asks it; decision 064).
const sessionAlone = compiledOnce((db, tokenHash: string) => sessionQuery(db, tokenHash).limit(1));
const sessionWithPairs = compiledOnce((db, tokenHash: string) =>
  sessionQuery(db, tokenHash)
    .leftJoin('pairs', (join) =>
      join.onRef('pairs.coach_id', '=', 'users.id').on('pairs.status', '=', 'active'),
    )
    .leftJoin('history_grants', 'history_grants.pair_id', 'pairs.id')
    .select(['pairs.id as pair_id', 'pairs.pm_id', 'pairs.accepted_at', 'history_grants.part'])
    .orderBy('pairs.accepted_at'),
);

/**
 * Finds the live session for a cookie token, ending it if it has gone idle or expired. With
 * `withPairs` (a read) the same query also reads the person's active pairs as coach and their
 * history grants, remembered for this request's authorizations (issue 24: one query instead of three).
 */
export async function findSession(db: Db, token: string, withPairs = false): Promise<LiveSession | null> {
  const tokenHash = hashToken(token);
  const rows: readonly Awaited<ReturnType<typeof sessionAlone>>[number][] = withPairs
    ? await sessionWithPairs(db, tokenHash)
    : await sessionAlone(db, tokenHash);
  const row = rows[0];
  if (!row) return null;
  const now = nowIso();
  if (row.expires_at <= now || addMs(row.last_seen_at, SESSION_IDLE_MS) <= now) {
    await endSession(db, tokenHash);
    return null;
  }
  if (Date.parse(now) - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute();
  }
  const actor: Actor = {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    email: row.email,
    isAdmin: row.is_admin === 1,
  };
  if (withPairs)
    rememberPairs(
      actor,
      rows.map((r) => {
        const p = r as Partial<Record<'pair_id' | 'pm_id' | 'accepted_at' | 'part', string | null>>;
        return {
          pairId: p.pair_id ?? null,
          pmId: p.pm_id ?? null,
          acceptedAt: p.accepted_at ?? null,
          part: p.part ?? null,
        };
      }),
    );
  return { tokenHash, csrfToken: row.csrf_token, actor };
}

export async function endSession(db: Db, tokenHash: string) {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Ends every session of a person (on password change). */
export async function endAllSessions(db: Db, userId: string) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
