/** Pure geometry of the radar chart: where each area's axis points and where a score lands. */

export interface Point {
  x: number;
  y: number;
}

export interface RadarFrame {
  cx: number;
  cy: number;
  radius: number;
  min: number;
  max: number;
  /** Number of axes (areas). */
  count: number;
}

/** The angle of axis `index`: the first points straight up, the rest follow clockwise. */
export const axisAngle = (index: number, count: number) => -Math.PI / 2 + (2 * Math.PI * index) / count;

/** Where `value` lands on axis `index` (the centre is the scale's minimum, the rim its maximum). */
export function pointAt(frame: RadarFrame, index: number, value: number): Point {
  const share = Math.min(1, Math.max(0, (value - frame.min) / (frame.max - frame.min)));
  const angle = axisAngle(index, frame.count);
  return {
    x: frame.cx + frame.radius * share * Math.cos(angle),
    y: frame.cy + frame.radius * share * Math.sin(angle),
  };
}

/** The SVG `points` of a polygon through one value per axis. */
export function polygon(frame: RadarFrame, values: number[]): string {
  return values
    .map((v, i) => pointAt(frame, i, v))
    .map(fmt)
    .join(' ');
}

const fmt = (p: Point) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`;

/** Scale values for the grid rings: about five, on whole numbers. */
export function ringValues(min: number, max: number): number[] {
  const step = Math.max(1, Math.ceil((max - min) / 5));
  const rings: number[] = [];
  for (let v = max; v > min; v -= step) rings.unshift(v);
  return rings;
}

/** How a label sits beside its axis end: text anchored away from the centre. */
export function labelAnchor(angle: number): 'start' | 'middle' | 'end' {
  const x = Math.cos(angle);
  if (Math.abs(x) < 0.3) return 'middle';
  return x > 0 ? 'start' : 'end';
}

/** Splits a label into lines of at most `width` characters (at spaces). */
export function wrapLabel(text: string, width = 14): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && (last + ' ' + word).length <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
