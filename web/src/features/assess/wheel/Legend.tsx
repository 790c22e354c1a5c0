import { Marker } from './RadarChart';
import { seriesStyles, type Series } from './series';

/** The chart's legend: each series' line pattern, marker and name. */
export function Legend({ series }: { series: Series[] }) {
  return (
    <ul className="legend" aria-label="Legend">
      {series.map((s) => {
        const style = seriesStyles[s.key];
        return (
          <li key={s.key}>
            <svg width="44" height="16" viewBox="0 0 44 16" aria-hidden="true" focusable="false">
              <line
                x1="2"
                y1="8"
                x2="42"
                y2="8"
                stroke={style.color}
                strokeWidth={3}
                strokeDasharray={style.dash || undefined}
              />
              <Marker at={{ x: 22, y: 8 }} style={style} size={4} />
            </svg>
            {s.label}
          </li>
        );
      })}
    </ul>
  );
}
