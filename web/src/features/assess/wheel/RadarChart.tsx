import { useId, type Ref } from 'react';
import {
  axisAngle,
  labelAnchor,
  pointAt,
  polygon,
  ringValues,
  wrapLabel,
  type Point,
  type RadarFrame,
} from './radar-geometry';
import { seriesStyles, type Series, type SeriesStyle } from './series';

interface RadarChartProps {
  title: string;
  areas: string[];
  scale: { min: number; max: number };
  series: Series[];
  ref?: Ref<SVGSVGElement>;
}

const WIDTH = 640;
const HEIGHT = 500;
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif';

/**
 * The wheel: one axis per area, one polygon per series. Drawn with presentation attributes only
 * (no CSS), so the same markup exports as a standalone SVG and PNG (decision 014).
 */
export function RadarChart({ title, areas, scale, series, ref }: RadarChartProps) {
  const titleId = useId();
  const descId = useId();
  const frame: RadarFrame = {
    cx: WIDTH / 2,
    cy: HEIGHT / 2,
    radius: 170,
    min: scale.min,
    max: scale.max,
    count: areas.length,
  };
  return (
    <svg
      ref={ref}
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className="radar"
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      fontFamily={FONT}
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>
        A radar chart of {areas.length} skill areas scored from {scale.min} to {scale.max}:{' '}
        {series.map((s) => s.label).join(', ')}. The table of scores below has the same numbers.
      </desc>
      <rect width={WIDTH} height={HEIGHT} fill="#ffffff" />
      {ringValues(scale.min, scale.max).map((v) => (
        <g key={v}>
          <polygon
            points={polygon(
              frame,
              areas.map(() => v),
            )}
            fill="none"
            stroke="#d5dbe3"
            strokeWidth={1}
          />
          <text x={frame.cx + 4} y={pointAt(frame, 0, v).y + 12} fontSize={11} fill="#566172">
            {v}
          </text>
        </g>
      ))}
      {areas.map((name, i) => (
        <Axis key={i} frame={frame} index={i} name={name} />
      ))}
      {series.map((s) => (
        <SeriesShape key={s.key} frame={frame} values={s.values} style={seriesStyles[s.key]} />
      ))}
    </svg>
  );
}

function Axis({ frame, index, name }: { frame: RadarFrame; index: number; name: string }) {
  const end = pointAt(frame, index, frame.max);
  const angle = axisAngle(index, frame.count);
  const label = {
    x: frame.cx + (frame.radius + 16) * Math.cos(angle),
    y: frame.cy + (frame.radius + 16) * Math.sin(angle),
  };
  const lines = wrapLabel(name);
  const sin = Math.sin(angle);
  // Labels above the centre grow upwards, those below grow downwards.
  const firstLineY =
    sin < -0.3
      ? label.y - (lines.length - 1) * 16
      : sin > 0.3
        ? label.y + 10
        : label.y - ((lines.length - 1) * 16) / 2 + 4;
  return (
    <g>
      <line x1={frame.cx} y1={frame.cy} x2={end.x} y2={end.y} stroke="#c3cad4" strokeWidth={1} />
      <text
        x={label.x}
        y={firstLineY}
        textAnchor={labelAnchor(angle)}
        fontSize={14}
        fontWeight={600}
        fill="#1b2330"
      >
        {lines.map((line, i) => (
          <tspan key={i} x={label.x} dy={i === 0 ? 0 : 16}>
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}

function SeriesShape({ frame, values, style }: { frame: RadarFrame; values: number[]; style: SeriesStyle }) {
  return (
    <g>
      <polygon
        points={polygon(frame, values)}
        fill={style.color}
        fillOpacity={0.07}
        stroke={style.color}
        strokeWidth={2.5}
        strokeDasharray={style.dash || undefined}
        strokeLinejoin="round"
      />
      {values.map((v, i) => (
        <Marker key={i} at={pointAt(frame, i, v)} style={style} />
      ))}
    </g>
  );
}

/** A series' marker at a point: circle, square or triangle. */
export function Marker({ at, style, size = 5 }: { at: Point; style: SeriesStyle; size?: number }) {
  if (style.marker === 'circle')
    return <circle cx={at.x} cy={at.y} r={size} fill={style.color} stroke="#ffffff" strokeWidth={1.5} />;
  if (style.marker === 'square')
    return (
      <rect
        x={at.x - size}
        y={at.y - size}
        width={size * 2}
        height={size * 2}
        fill={style.color}
        stroke="#ffffff"
        strokeWidth={1.5}
      />
    );
  const h = size * 1.2;
  return (
    <polygon
      points={`${at.x},${at.y - h} ${at.x + h},${at.y + h * 0.8} ${at.x - h},${at.y + h * 0.8}`}
      fill={style.color}
      stroke="#ffffff"
      strokeWidth={1.5}
    />
  );
}
