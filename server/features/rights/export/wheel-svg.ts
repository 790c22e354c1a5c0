import {
  axisAngle,
  labelAnchor,
  pointAt,
  polygon,
  ringValues,
  wrapLabel,
  type Point,
  type RadarFrame,
} from '../../../../common/radar-geometry.js';
import { seriesStyles, type SeriesKey, type SeriesStyle } from '../../../../common/wheel-series-styles.js';
import { escapeHtml as esc } from './export-html.js';

export interface WheelSeries {
  key: SeriesKey;
  label: string;
  values: number[];
}

const WIDTH = 640;
const HEIGHT = 500;
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif';

/**
 * The wheel as static SVG markup: the same drawing as the page's RadarChart (web/…/RadarChart.tsx),
 * from the same geometry and series styles in common/, written as a string for the export's README.
 */
export function wheelSvg(input: {
  title: string;
  areas: string[];
  scale: { min: number; max: number };
  series: WheelSeries[];
}): string {
  const { title, areas, scale, series } = input;
  const frame: RadarFrame = {
    cx: WIDTH / 2,
    cy: HEIGHT / 2,
    radius: 170,
    min: scale.min,
    max: scale.max,
    count: areas.length,
  };
  const rings = ringValues(scale.min, scale.max)
    .map(
      (v) =>
        `<g><polygon points="${polygon(
          frame,
          areas.map(() => v),
        )}" fill="none" stroke="#d5dbe3" stroke-width="1"/>` +
        `<text x="${frame.cx + 4}" y="${pointAt(frame, 0, v).y + 12}" font-size="11" fill="#566172">${v}</text></g>`,
    )
    .join('');
  const desc =
    `A radar chart of ${areas.length} skill areas scored from ${scale.min} to ${scale.max}: ` +
    `${series.map((s) => s.label).join(', ')}. The table of scores below has the same numbers.`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" class="radar" role="img" ` +
    `aria-labelledby="wheel-title wheel-desc" font-family="${FONT}">` +
    `<title id="wheel-title">${esc(title)}</title><desc id="wheel-desc">${esc(desc)}</desc>` +
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>${rings}` +
    areas.map((name, i) => axis(frame, i, name)).join('') +
    series.map((s) => shape(frame, s.values, seriesStyles[s.key])).join('') +
    `</svg>`
  );
}

function axis(frame: RadarFrame, index: number, name: string) {
  const end = pointAt(frame, index, frame.max);
  const angle = axisAngle(index, frame.count);
  const label = {
    x: frame.cx + (frame.radius + 16) * Math.cos(angle),
    y: frame.cy + (frame.radius + 16) * Math.sin(angle),
  };
  const lines = wrapLabel(name);
  const sin = Math.sin(angle);
  const firstLineY =
    sin < -0.3
      ? label.y - (lines.length - 1) * 16
      : sin > 0.3
        ? label.y + 10
        : label.y - ((lines.length - 1) * 16) / 2 + 4;
  const tspans = lines
    .map((line, i) => `<tspan x="${label.x}" dy="${i === 0 ? 0 : 16}">${esc(line)}</tspan>`)
    .join('');
  return (
    `<g><line x1="${frame.cx}" y1="${frame.cy}" x2="${end.x}" y2="${end.y}" stroke="#c3cad4" stroke-width="1"/>` +
    `<text x="${label.x}" y="${firstLineY}" text-anchor="${labelAnchor(angle)}" font-size="14" font-weight="600" fill="#1b2330">${tspans}</text></g>`
  );
}

function shape(frame: RadarFrame, values: number[], style: SeriesStyle) {
  const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
  return (
    `<g><polygon points="${polygon(frame, values)}" fill="${style.color}" fill-opacity="0.07" stroke="${style.color}" ` +
    `stroke-width="2.5"${dash} stroke-linejoin="round"/>` +
    values.map((v, i) => marker(pointAt(frame, i, v), style)).join('') +
    `</g>`
  );
}

function marker(at: Point, style: SeriesStyle, size = 5) {
  const paint = `fill="${style.color}" stroke="#ffffff" stroke-width="1.5"`;
  if (style.marker === 'circle') return `<circle cx="${at.x}" cy="${at.y}" r="${size}" ${paint}/>`;
  if (style.marker === 'square')
    return `<rect x="${at.x - size}" y="${at.y - size}" width="${size * 2}" height="${size * 2}" ${paint}/>`;
  const h = size * 1.2;
  return `<polygon points="${at.x},${at.y - h} ${at.x + h},${at.y + h * 0.8} ${at.x - h},${at.y + h * 0.8}" ${paint}/>`;
}
