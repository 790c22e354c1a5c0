import { MIN_GROUP, type AreaSpread, type Figure } from '../../../../common/insights.js';

/**
 * The k rule of the insights (decision 041), pure: no figure describes fewer than five PMs, and a
 * narrowed view (one coach group) is shown only when no other group of the same figure is small,
 * so no group of 1–4 can be worked out by subtracting shown figures from each other.
 */

/** One thing a figure counts (a pair, a held session, a refresh, a round, a nudge), with whom it is about. */
export interface Counted {
  pmId: string;
  /** The coach group it belongs to (null: no coach at the time). */
  coachId: string | null;
}

export const hidden = { kind: 'fewer-than-5' } as const satisfies Figure;
const isSmall = (pms: number) => pms > 0 && pms < MIN_GROUP;
const distinctPms = (items: readonly Counted[]) => new Set(items.map((i) => i.pmId)).size;

/** Splits items by coach group. */
export function byCoach<T extends Counted>(items: readonly T[]): Map<string | null, T[]> {
  const groups = new Map<string | null, T[]>();
  for (const item of items) groups.set(item.coachId, [...(groups.get(item.coachId) ?? []), item]);
  return groups;
}

/** True when a narrowed view of these items could single someone out (some coach group is 1–4 PMs). */
export const narrowingUnsafe = (items: readonly Counted[]) =>
  [...byCoach(items).values()].some((group) => isSmall(distinctPms(group)));

/**
 * The figure of one cell: how many items, over the whole workspace (coach null) or one coach
 * group. Hidden when the items describe 1–4 PMs; a coach group's cell also when any coach group
 * of the cell is 1–4 PMs (otherwise whole minus the shown groups would reveal the small one).
 */
export function countFigure(items: readonly Counted[], coach: string | null): Figure {
  const shown = coach === null ? items : items.filter((i) => i.coachId === coach);
  if (isSmall(distinctPms(shown))) return hidden;
  if (coach !== null && narrowingUnsafe(items)) return hidden;
  return { kind: 'count', value: shown.length };
}

/** A number of PMs as a figure: hidden from 1 to 4. */
export const pmsFigure = (pms: number): Figure => (isSmall(pms) ? hidden : { kind: 'count', value: pms });

/** Rounds to the nearest half point: small shifts of one value rarely move a rounded quartile. */
export const toHalf = (n: number) => Math.round(n * 2) / 2;

/** The value at quantile q of sorted values (linear between neighbours). */
export function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

/** Quartiles of at least five values, rounded to half points; hidden below five. */
export function spreadOf(values: readonly number[]): AreaSpread {
  if (values.length < MIN_GROUP) return hidden;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    kind: 'spread',
    lower: toHalf(quantile(sorted, 0.25)),
    median: toHalf(quantile(sorted, 0.5)),
    upper: toHalf(quantile(sorted, 0.75)),
  };
}
