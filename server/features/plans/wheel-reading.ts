import type { Db } from '../../db/database.js';
import type { Viewer } from '../../privacy/rules.js';
import { visibleRounds } from '../../privacy/visible-rounds.js';
import { dipsOf } from '../wheel/dips.js';
import { loadRevealed, type RevealedRound } from '../wheel/wheel-data.js';
import type { AreaReading } from './theme-ideas.js';

/**
 * The PM's revealed rounds the viewer may see, oldest first, read through the wheel's own code
 * (issue 3) and the one SQL filter of visible rounds, so the plan shows no more than the wheel.
 */
export async function revealedRoundsFor(db: Db, viewer: Viewer): Promise<RevealedRound[]> {
  const rows = await visibleRounds(db, viewer, { revealedOnly: true })
    .select([
      'r.id',
      'r.pm_id',
      'r.coach_id',
      'r.framework_version_id',
      'r.title',
      'r.created_at',
      'r.revealed_at',
      'r.peers_shared',
    ])
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute();
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
