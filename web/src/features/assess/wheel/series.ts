/**
 * How each series of the wheel is drawn: a colour AND a dash pattern AND a marker shape, so the
 * series stay apart in greyscale, in print and for colour-blind readers (decision 014).
 */
import type { SeriesKey } from '../../../../../common/wheel-series-styles';
export { seriesStyles, type SeriesKey, type SeriesStyle } from '../../../../../common/wheel-series-styles';

export interface Series {
  key: SeriesKey;
  label: string;
  /** One value per area, in the areas' order. */
  values: number[];
}

/** The legend names of the series. */
export function seriesLabel(key: SeriesKey, peerCount: number | null = null) {
  if (key === 'self') return 'Self-assessment';
  if (key === 'coach') return 'Coach assessment';
  return `Peers (average of ${peerCount ?? 0})`;
}
