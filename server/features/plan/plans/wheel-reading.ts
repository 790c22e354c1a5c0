import type { Db } from '../../../db/database.js';
import type { Viewer } from '../../../privacy/rules.js';
import { dipsOf } from '../../assess/wheel/dips.js';
import { revealedRoundsVisibleTo, type RevealedRound } from '../../assess/wheel/wheel-data.js';
import type { AreaReading } from './theme-ideas.js';

/**
 * The PM's revealed rounds the viewer may see, oldest first, read through the wheel's own code
 * (issue 3) and the one SQL filter of visible rounds, so the plan shows no more than the wheel.
 */
export const revealedRoundsFor = (db: Db, viewer: Viewer): Promise<RevealedRound[]> =>
  revealedRoundsVisibleTo(db, viewer);

/** The latest revealed round's areas with self and coach scores and the wheel's dips. */
export function latestAreas(rounds: RevealedRound[]): AreaReading[] {
  const latest = rounds.at(-1);
  if (!latest) return [];
  const dips = dipsOf(
    rounds.map((r) => ({ roundId: r.row.id, scale: r.scale, self: r.self })),
    rounds.length - 1,
  );
  return latest.content.areas.map((area) => {
    const dip = dips.find((d) => d.kind === 'area' && d.key === area.key);
    return {
      key: area.key,
      name: area.name,
      self: latest.self[area.key] ?? null,
      coach: latest.coach[area.key] ?? null,
      dip: dip ? { drop: dip.drop, recentLevel: dip.recentLevel } : null,
    };
  });
}
