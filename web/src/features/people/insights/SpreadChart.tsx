import type { Insights } from '../../../../../common/insights';

type Framework = Insights['frameworks'][number];

const LABEL_WIDTH = 78;
const ROW = 18;

/** Each area's quartiles as a bar from lower to upper quartile with the median marked (the table below has the figures). */
export function SpreadChart({ framework }: { framework: Framework }) {
  const { min, max } = framework.scale;
  const height = ROW * framework.areas.length + 14;
  const x = (v: number) => LABEL_WIDTH + 4 + ((v - min) / Math.max(1, max - min)) * (196 - LABEL_WIDTH - 4);
  return (
    <svg
      className="insight-spread"
      viewBox={`0 0 200 ${height}`}
      role="img"
      aria-label={`${framework.name}: the middle half of scores per area on a ${min} to ${max} scale, median marked. The table below has every figure.`}
    >
      {framework.areas.map((area, i) => {
        const y = i * ROW + 2;
        const name = area.name.length > 18 ? `${area.name.slice(0, 17)}…` : area.name;
        return (
          <g key={area.key}>
            <text x={0} y={y + 10} className="insight-axis">
              {name}
            </text>
            <line x1={x(min)} x2={x(max)} y1={y + 7} y2={y + 7} className="insight-track" />
            {area.spread.kind === 'spread' ? (
              <>
                <rect
                  x={x(area.spread.lower)}
                  y={y + 2}
                  width={Math.max(2, x(area.spread.upper) - x(area.spread.lower))}
                  height={10}
                  className="insight-bar"
                />
                <rect x={x(area.spread.median) - 1} y={y} width={2} height={14} className="insight-median" />
              </>
            ) : (
              <text x={x((min + max) / 2)} y={y + 10} className="insight-hidden-mark" textAnchor="middle">
                fewer than 5
              </text>
            )}
          </g>
        );
      })}
      <text x={x(min)} y={height - 2} className="insight-axis" textAnchor="middle">
        {min}
      </text>
      <text x={x(max)} y={height - 2} className="insight-axis" textAnchor="middle">
        {max}
      </text>
    </svg>
  );
}
