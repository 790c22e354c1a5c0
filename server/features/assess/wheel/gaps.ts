import type { PerceptionGap } from '../../../../common/wheel-rounds.js';

export interface AreaPair {
  key: string;
  name: string;
  self: number;
  coach: number;
}

// Differences smaller than this are rounding noise, not a difference of opinion.
const SAME = 1e-9;

/** Perception gaps per area, largest first (ties keep the framework's order), saying who rates higher. */
export function perceptionGaps(areas: AreaPair[]): PerceptionGap[] {
  return areas
    .map((a, index) => {
      const difference = a.self - a.coach;
      const higher =
        Math.abs(difference) < SAME
          ? ('same' as const)
          : difference > 0
            ? ('self' as const)
            : ('coach' as const);
      return {
        index,
        gap: { areaKey: a.key, areaName: a.name, self: a.self, coach: a.coach, difference, higher },
      };
    })
    .sort((x, y) => Math.abs(y.gap.difference) - Math.abs(x.gap.difference) || x.index - y.index)
    .map((x) => x.gap);
}

/** The change of each area since an earlier round (null where the earlier round lacks the area). */
export function changeSince(
  current: Record<string, number>,
  previous: Record<string, number> | null,
): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [key, value] of Object.entries(current)) {
    const before = previous?.[key];
    out[key] = before === undefined ? null : value - before;
  }
  return out;
}
