import type { Ownership } from '../../../../common/plans.js';
import type { Side } from '../../../../common/schemas.js';

interface Attributed {
  attribution: { origin: Side };
}

/**
 * How much of the plan the PM wrote versus adopted from the coach, counting themes and actions
 * alike. "Many from the coach" means more than half: the seed's manager-owned plan pitfall.
 */
export function planOwnership(
  themes: readonly (Attributed & { actions: readonly Attributed[] })[],
): Ownership {
  const items = themes.flatMap((t) => [t, ...t.actions]);
  const fromCoach = items.filter((i) => i.attribution.origin === 'coach').length;
  const total = items.length;
  return {
    total,
    byPm: total - fromCoach,
    fromCoach,
    coachShare: total === 0 ? 0 : Math.round((fromCoach / total) * 100) / 100,
    manyFromCoach: fromCoach * 2 > total,
  };
}
