/**
 * How each series of the wheel is drawn: a colour AND a dash pattern AND a marker shape, so the
 * series stay apart in greyscale, in print and for colour-blind readers (decision 014). Shared by
 * the page's chart and the export's README, which draw the same wheel.
 */
export type SeriesKey = 'self' | 'coach' | 'peers';

export interface SeriesStyle {
  color: string;
  /** stroke-dasharray; empty for a solid line. */
  dash: string;
  marker: 'circle' | 'square' | 'triangle';
}

export const seriesStyles: Record<SeriesKey, SeriesStyle> = {
  self: { color: '#1f4fa0', dash: '', marker: 'circle' },
  coach: { color: '#a84b00', dash: '8 5', marker: 'square' },
  peers: { color: '#2d7a3a', dash: '2 4', marker: 'triangle' },
};
