import type { Figure } from '../../../../../common/insights';
import { figureText, monthName } from './figures';

/**
 * One monthly count as bars (an image with a summary in words; the table below the charts has
 * every figure). A hidden month draws no bar, only a dash: there is no number to draw.
 */
export function MonthlyChart({ title, months, cells }: { title: string; months: string[]; cells: Figure[] }) {
  const max = Math.max(1, ...cells.map((c) => (c.kind === 'count' ? c.value : 0)));
  const width = 24 * months.length;
  const last = cells.at(-1);
  return (
    <figure className="insight-chart">
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 0 ${width} 70`}
        role="img"
        aria-label={`${title} per month, ${monthName(months[0]!)} to ${monthName(months.at(-1)!)}; this month: ${
          last ? figureText(last) : 'none'
        }. Every figure is in the table below.`}
      >
        {cells.map((c, i) => {
          const x = i * 24 + 4;
          if (c.kind !== 'count')
            return (
              <text key={months[i]} x={x + 8} y={52} className="insight-hidden-mark" textAnchor="middle">
                –
              </text>
            );
          const h = (c.value / max) * 48;
          return <rect key={months[i]} x={x} y={56 - h} width={16} height={h} className="insight-bar" />;
        })}
        {months.map((m, i) => (
          <text key={m} x={i * 24 + 12} y={68} className="insight-axis" textAnchor="middle">
            {monthName(m, 'initial')}
          </text>
        ))}
      </svg>
    </figure>
  );
}
