import type { Db } from '../../db/database.js';
import { notFound } from '../../http/errors.js';
import type { Actor } from '../../privacy/actor.js';
import { authorize, type CoachingAction } from '../../privacy/policy.js';
import { findRound, type RoundRow } from './round-queries.js';
import { assertCanSeeRound, viewerFor, type Viewer } from './round-policy.js';

/** The gate to a PM's wheel: authorize() (which logs the access), then who the viewer is. */
export async function accessPm(input: {
  db: Db;
  actor: Actor | null;
  pmId: string;
  action: CoachingAction;
  resource: string;
}): Promise<Viewer> {
  const relation = await authorize(input);
  return viewerFor(input.db, input.actor!, input.pmId, relation);
}

/** The gate to one round: it must exist, the PM's data must be granted, and the round visible. */
export async function accessRound(input: {
  db: Db;
  actor: Actor | null;
  roundId: string;
  action: CoachingAction;
  resource?: string;
}) {
  const { db, actor, roundId, action } = input;
  const round = await findRound(db, roundId);
  if (!round) throw notFound('That round');
  const viewer = await accessPm({
    db,
    actor,
    pmId: round.pm_id,
    action,
    resource: input.resource ?? `round "${round.title}"`,
  });
  assertCanSeeRound(round, viewer);
  return { round: round as RoundRow, viewer };
}

/** The signed-in actor for a coaching-data route; signed out is refused like everyone else (404). */
export function coachingActor(actor: Actor | null): Actor {
  if (!actor) throw notFound();
  return actor;
}
