import type { Db } from '../../db/database.js';
import type { Actor } from '../../privacy/actor.js';
import type { Relation } from '../../privacy/policy.js';
import { dipsOf } from '../assessments/dips.js';
import { canSeeRound, viewerFor } from '../assessments/round-policy.js';
import { roundsOfPm } from '../assessments/round-queries.js';
import { loadRevealed, type RevealedRound } from '../assessments/wheel-data.js';
import type { AreaReading } from './theme-ideas.js';

/**
 * Reads the wheel for the plan through the wheel's own code (issue 3), so the same visibility
 * applies: revealed rounds only, and for a coach only the rounds the wheel lets them see.
 */
export async function visibleRevealedRounds(
  db: Db,
  actor: Actor,
  pmId: string,
  relation: Relation,
): Promise<RevealedRound[]> {
  const viewer = await viewerFor(db, actor, pmId, relation);
  const rows = (await roundsOfPm(db, pmId, { revealedOnly: true })).filter((r) => canSeeRound(r, viewer));
  return loadRevealed(db, rows);
}

/** The latest revealed round's areas with self and coach scores and the wheel's dips. */
export function latestAreas(rounds: RevealedRound[]): AreaReading[] {
  const latest = rounds.at(-1);
  if (!latest) return [];
  const dips = dipsOf(
    rounds.map((r) => ({ roundId: r.row.id, scale: r.scale, self: r.self })),
    rounds.length - 1,
  );
  return latest.content.areas.map((area) => {
    const dip = dips.find((d) => d.areaKey === area.key);
    return {
      key: area.key,
      name: area.name,
      self: latest.self[area.key] ?? null,
      coach: latest.coach[area.key] ?? null,
      dip: dip ? { drop: dip.drop, recentMean: dip.recentMean } : null,
    };
  });
}
