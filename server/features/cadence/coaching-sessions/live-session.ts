import type { CoachingSession } from '../../../../common/coaching-sessions.js';
import type { Db } from '../../../db/database.js';
import { AppError } from '../../../http/errors.js';
import { recordAccess } from '../../../privacy/access-log.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorize, type Grant } from '../../../privacy/authorize.js';
import { prepareAgendaOnce } from './agenda-preparation.js';
import {
  coachingSessionRow,
  presentCoachingSession,
  type CoachingSessionRow,
} from './coaching-session-reading.js';

/**
 * The live page's reads (decision 056): opening the page is one read, logged once like the
 * GET; what the page is sent afterwards (the notes as they are typed, the session after each
 * change) is part of that one opening and logs nothing, but each is checked against the rules
 * table again, so access that ended stops at once.
 */

interface LiveCall {
  db: Db;
  actor: Actor;
  coachingSessionId: string;
  now: Date;
}

export interface LiveAccess {
  row: CoachingSessionRow;
  grant: Grant;
  /** May change the notes: a side of this very session, and it was not cancelled. */
  writable: boolean;
}

/** Who may follow a session live: exactly who may read it (any refusal is a 404, like a missing one). */
export async function liveAccess(input: LiveCall): Promise<LiveAccess> {
  const { db, actor } = input;
  const row = await coachingSessionRow(db, input.coachingSessionId);
  const thing = { coachingSession: row };
  const grant = await authorize({ db, actor, action: 'coaching-session:read', pmId: row.pm_id, thing });
  const writable =
    row.status !== 'cancelled' &&
    (await authorize({ db, actor, action: 'coaching-session:change', pmId: row.pm_id, thing }).then(
      () => true,
      (error: unknown) => {
        if (error instanceof AppError) return false;
        throw error;
      },
    ));
  return { row, grant, writable };
}

/** Opening the live page: the session as the viewer sees it, and its one access-log entry. */
export async function openLiveSession(input: LiveCall): Promise<LiveAccess & { session: CoachingSession }> {
  const access = await liveAccess(input);
  await prepareAgendaOnce(input.db, access.row, input.now);
  const row = await coachingSessionRow(input.db, access.row.id);
  const session = await presentCoachingSession(input.db, access.grant, row, input.now);
  await recordAccess({ db: input.db, grant: access.grant, resource: 'coaching session' });
  return { ...access, row, session };
}

/** The session again for a page already open (after a change): checked again, not logged again. */
export async function liveView(input: LiveCall): Promise<LiveAccess & { session: CoachingSession }> {
  const access = await liveAccess(input);
  const session = await presentCoachingSession(input.db, access.grant, access.row, input.now);
  return { ...access, session };
}
