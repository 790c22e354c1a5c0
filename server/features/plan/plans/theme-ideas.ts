import type { ExampleAction, ThemeIdea } from '../../../../common/plans.js';

/** One area of the latest revealed round, as the ideas need it. */
export interface AreaReading {
  key: string;
  name: string;
  self: number | null;
  coach: number | null;
  /** A dip by the wheel's rule (assessments/dips.ts), or null. */
  dip: { drop: number; recentLevel: number } | null;
}

export interface Scale {
  min: number;
  max: number;
}

export const MAX_IDEAS = 5;
/** A gap worth a theme: self and coach differ by at least this share of the scale's range. */
export const GAP_SHARE = 0.15;
const LOWEST_COUNT = 3;

const round1 = (n: number) => Math.round(n * 10) / 10;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * The idea's "why", written into the plan as it stands: the plan is read by the PM and by their
 * coach, so it names no "you" (decision 037): "Self 3, coach 6", "the self-score".
 */
export function whyOf(area: AreaReading, reasons: ThemeIdea['reasons']): string {
  const parts: string[] = [];
  if (reasons.includes('dip') && area.dip && area.self !== null) {
    parts.push(
      `The self-score fell to ${round1(area.self)} from a recent level of ${round1(area.dip.recentLevel)} (the median of the earlier self-scores): worth talking about what changed.`,
    );
  }
  if (reasons.includes('gap') && area.self !== null && area.coach !== null) {
    const higher =
      area.self > area.coach
        ? 'the self-assessment is higher than the coach’s'
        : 'the coach’s assessment is higher than the self-assessment';
    parts.push(
      `Self ${round1(area.self)}, coach ${round1(area.coach)} on ${area.name}: ${higher}, a gap worth understanding.`,
    );
  }
  if (reasons.includes('low')) parts.push('It is among the lowest areas on the latest wheel.');
  return parts.join(' ');
}

/** How an idea would serve the agreed next bigger challenge, in a line ("" when none is agreed). */
export const servesLine = (area: { name: string }, challenge: string | null | undefined) =>
  challenge ? `Growing in ${area.name} prepares for “${challenge}”.` : '';

/**
 * Theme ideas from the latest revealed wheel: dips first (a dip often hides something else),
 * then the biggest perception gaps, then the lowest areas; one idea per area, at most five.
 */
export function rankThemeIdeas(input: {
  areas: AreaReading[];
  scale: Scale;
  examples: (areaKey: string) => ExampleAction[];
  /** The agreed next bigger challenge, which every idea says it serves. */
  challenge?: string | null;
}): ThemeIdea[] {
  const { areas, scale } = input;
  const reasons = new Map<string, ThemeIdea['reasons']>();
  const add = (key: string, reason: ThemeIdea['reasons'][number]) =>
    reasons.set(key, [...(reasons.get(key) ?? []), reason]);

  const dips = areas.filter((a) => a.dip).sort((a, b) => b.dip!.drop - a.dip!.drop);
  dips.forEach((a) => add(a.key, 'dip'));

  const gapOf = (a: AreaReading) => (a.self === null || a.coach === null ? 0 : Math.abs(a.self - a.coach));
  const gaps = areas
    .filter((a) => gapOf(a) >= GAP_SHARE * (scale.max - scale.min))
    .sort((a, b) => gapOf(b) - gapOf(a));
  gaps.forEach((a) => add(a.key, 'gap'));

  const level = (a: AreaReading) => mean([a.self, a.coach].filter((s): s is number => s !== null));
  const scored = areas.filter((a) => a.self !== null || a.coach !== null);
  const lowest = [...scored].sort((a, b) => level(a) - level(b)).slice(0, LOWEST_COUNT);
  lowest.forEach((a) => add(a.key, 'low'));

  const ordered = [...new Set([...dips, ...gaps, ...lowest])].slice(0, MAX_IDEAS);
  return ordered.map((area) => {
    const why = reasons.get(area.key)!;
    return {
      areaKey: area.key,
      areaName: area.name,
      reasons: why,
      why: whyOf(area, why),
      serves: servesLine(area, input.challenge),
      title: area.name,
      self: area.self === null ? null : round1(area.self),
      coach: area.coach === null ? null : round1(area.coach),
      exampleActions: input.examples(area.key),
    };
  });
}
