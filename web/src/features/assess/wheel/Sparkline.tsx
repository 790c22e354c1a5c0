import { seriesStyles, type SeriesKey } from './series';

const W = 180;
const H = 56;
const PAD = 6;

/** A small line chart of one area over the rounds (decorative: the numbers are in text and table). */
export function Sparkline({
  lines,
  scale,
}: {
  lines: { key: SeriesKey; values: (number | null)[] }[];
  scale: { min: number; max: number };
}) {
  const count = Math.max(...lines.map((l) => l.values.length), 1);
  const x = (i: number) => (count === 1 ? W / 2 : PAD + ((W - 2 * PAD) * i) / (count - 1));
  const y = (v: number) => H - PAD - ((H - 2 * PAD) * (v - scale.min)) / (scale.max - scale.min);
  return (
    <svg className="sparkline" viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false">
      <line x1={PAD} x2={W - PAD} y1={y(scale.min)} y2={y(scale.min)} stroke="#dce1e8" />
      <line x1={PAD} x2={W - PAD} y1={y(scale.max)} y2={y(scale.max)} stroke="#dce1e8" />
      {lines.map((line) => {
        const style = seriesStyles[line.key];
        const points = line.values
          .map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`))
          .filter(Boolean);
        const lastIndex = line.values.findLastIndex((v) => v !== null);
        const last = line.values[lastIndex];
        return (
          <g key={line.key}>
            <polyline
              points={points.join(' ')}
              fill="none"
              stroke={style.color}
              strokeWidth={2}
              strokeDasharray={style.dash || undefined}
              strokeLinejoin="round"
            />
            {last !== null && last !== undefined && (
              <circle cx={x(lastIndex)} cy={y(last)} r={3} fill={style.color} />
            )}
          </g>
        );
      })}
    </svg>
  );
}
