import type { Scale } from '../../../common/wheel.js';
import { mean, toScale } from '../rounds/scoring.js';

/**
 * The dip rule (decision 012): in a revealed round, a self-assessed area is a dip when its score is
 * at least 2 points (on a 1–10 scale; proportionally on other scales) below the mean of the
 * same area's self-scores in up to three earlier revealed rounds that had the area (at least one).
 */
export const DIP_POINTS_ON_TEN_POINT_SCALE = 2;
export const DIP_LOOKBACK_ROUNDS = 3;

/** The drop that counts as a dip on a given scale (2 on 1–10, about 0.89 on 1–5). */
export const dipThreshold = (scale: Scale) => (DIP_POINTS_ON_TEN_POINT_SCALE * (scale.max - scale.min)) / 9;

export interface SelfRound {
  roundId: string;
  scale: Scale;
  /** area key → self-assessed area score */
  self: Record<string, number>;
}

export interface FoundDip {
  areaKey: string;
  score: number;
  recentMean: number;
  drop: number;
}

/** The dips of rounds[index] against the rounds before it (oldest first). */
export function dipsOf(rounds: SelfRound[], index: number): FoundDip[] {
  const current = rounds[index];
  if (!current) return [];
  const threshold = dipThreshold(current.scale);
  const dips: FoundDip[] = [];
  for (const [areaKey, score] of Object.entries(current.self)) {
    const earlier: number[] = [];
    for (let i = index - 1; i >= 0 && earlier.length < DIP_LOOKBACK_ROUNDS; i--) {
      const r = rounds[i]!;
      const value = r.self[areaKey];
      if (value !== undefined) earlier.push(toScale(value, r.scale, current.scale));
    }
    const recentMean = mean(earlier);
    if (recentMean === null) continue;
    const drop = recentMean - score;
    // A tiny tolerance, so 8,8,8 → 6 counts whatever the float rounding.
    if (drop >= threshold - 1e-9) dips.push({ areaKey, score, recentMean, drop });
  }
  return dips;
}
