import type { Scale } from '../../../../common/wheel.js';
import { toScale } from '../rounds/scoring.js';

/**
 * The dip rule (decision 035, superseding 012). A dip is judged on the PM's own self-scores over
 * time (their submitted self-assessments of rounds and their submitted self-checks), per area AND
 * per statement, against their own recent level: the median of the same key's last three earlier
 * self-scores (at least one is needed). An area is a dip when it is at least 2 points below that
 * level; a statement when it is at least 3 points below it (on a 1–10 scale; proportionally on
 * other scales). A single statement is noisier than an area's mean, hence its larger step.
 */
export const AREA_DIP_POINTS = 2;
export const STATEMENT_DIP_POINTS = 3;
export const DIP_LOOKBACK = 3;

/** The drop that counts as a dip on a given scale (2 on 1–10 for areas, about 0.89 on 1–5; 3 for statements). */
export const dipThreshold = (scale: Scale, points: number = AREA_DIP_POINTS) =>
  (points * (scale.max - scale.min)) / 9;

/** One moment the PM scored themselves: a round's self-assessment or a self-check. */
export interface SelfRound {
  roundId: string;
  scale: Scale;
  /** area key → self-assessed area score */
  self: Record<string, number>;
  /** statement key → self-score (absent: only areas are judged) */
  statements?: Record<string, number>;
}

export interface FoundDip {
  kind: 'area' | 'statement';
  /** The area's or the statement's key. */
  key: string;
  score: number;
  /** The median of up to three earlier self-scores of the same key, on this check's scale. */
  recentLevel: number;
  drop: number;
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

type Pick = (r: SelfRound) => Record<string, number> | undefined;

function judge(rounds: SelfRound[], index: number, kind: FoundDip['kind'], pick: Pick): FoundDip[] {
  const current = rounds[index]!;
  const threshold = dipThreshold(current.scale, kind === 'area' ? AREA_DIP_POINTS : STATEMENT_DIP_POINTS);
  const found: FoundDip[] = [];
  for (const [key, score] of Object.entries(pick(current) ?? {})) {
    const earlier: number[] = [];
    for (let i = index - 1; i >= 0 && earlier.length < DIP_LOOKBACK; i--) {
      const r = rounds[i]!;
      const scores = pick(r);
      if (scores && Object.hasOwn(scores, key)) earlier.push(toScale(scores[key]!, r.scale, current.scale));
    }
    const recentLevel = median(earlier);
    if (recentLevel === null) continue;
    const drop = recentLevel - score;
    // A tiny tolerance, so 8,8,8 → 6 counts whatever the float rounding of scale conversions.
    if (drop >= threshold - 1e-9) found.push({ kind, key, score, recentLevel, drop });
  }
  return found;
}

/** The dips of rounds[index] against the checks before it (oldest first): areas first, then statements. */
export function dipsOf(rounds: SelfRound[], index: number): FoundDip[] {
  if (!rounds[index]) return [];
  return [
    ...judge(rounds, index, 'area', (r) => r.self),
    ...judge(rounds, index, 'statement', (r) => r.statements),
  ];
}

/**
 * Leaves out a statement's dip when its whole area dipped too: the area's dip already says it, and
 * a list of every statement of a falling area would bury the one that fell alone.
 */
export function withoutCovered<D extends { areaKey: string; statementKey: string | null }>(dips: D[]): D[] {
  const areas = new Set(dips.filter((d) => d.statementKey === null).map((d) => d.areaKey));
  return dips.filter((d) => d.statementKey === null || !areas.has(d.areaKey));
}
