import type { FrameworkContent, Scale } from '../../../../common/wheel.js';

/** Pure scoring rules of the wheel: area score = mean of its statements' scores. */

export const mean = (values: number[]): number | null =>
  values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : null;

/** Rounds to two decimals for presentation (the stored scores stay exact). */
export const round2 = (n: number) => Math.round(n * 100) / 100;

/** Each area's score: the mean of its scored statements (null while none is scored). */
export function areaScores(
  content: FrameworkContent,
  scores: Record<string, number>,
): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const area of content.areas) {
    // Own keys only: a key must never be answered by a property every object inherits.
    const scored = area.statements.flatMap((s) => (Object.hasOwn(scores, s.key) ? [scores[s.key]!] : []));
    out[area.key] = mean(scored);
  }
  return out;
}

/** The statements not yet scored, in framework order (a submission needs none). */
export const missingStatements = (content: FrameworkContent, scores: Record<string, number>) =>
  content.areas.flatMap((a) => a.statements.filter((s) => !Object.hasOwn(scores, s.key)).map((s) => s.key));

export const statementCount = (content: FrameworkContent) =>
  content.areas.reduce((n, a) => n + a.statements.length, 0);

export const isOnScale = (scale: Scale, score: number) =>
  Number.isInteger(score) && score >= scale.min && score <= scale.max;

/** Converts a score between scales linearly (a 4 on 1–5 is a 7.75 on 1–10), so history can mix versions. */
export function toScale(score: number, from: Scale, to: Scale): number {
  if (from.min === to.min && from.max === to.max) return score;
  return to.min + ((score - from.min) / (from.max - from.min)) * (to.max - to.min);
}
