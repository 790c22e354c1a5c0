import { useEffect, useState } from 'react';
import type { Insights } from '../../../../../common/insights';
import { Page } from '../../../app/Page';
import { useResource } from '../../../app/use-resource';
import { EmptyState } from '../../../ui/EmptyState';
import { Loaded } from '../../../ui/Loaded';
import { Select } from '../../../ui/Select';
import { figureText, metricNames, monthName, spreadText } from './figures';
import { MonthlyChart } from './MonthlyChart';
import { SpreadChart } from './SpreadChart';
import '../../../styles/insights.css';

/** How the workspace practises coaching, for admins and coaches: never who scores how (decision 041). */
export default function InsightsPage() {
  const [coach, setCoach] = useState('');
  const insights = useResource<Insights>(
    `/api/insights${coach ? `?coach=${encodeURIComponent(coach)}` : ''}`,
  );
  const [coaches, setCoaches] = useState<Insights['coaches']>([]);
  useEffect(() => {
    if (insights.data) setCoaches(insights.data.coaches);
  }, [insights.data]);

  return (
    <Page
      title="Workspace insights"
      lead="How this workspace practises coaching. No figure is about one person: anything about fewer than 5 PMs shows as “fewer than 5”."
    >
      {coaches.length > 0 && (
        <section className="card insight-filter" aria-labelledby="filter-heading">
          <h2 id="filter-heading">Whose coaching</h2>
          <Select label="Coach group" value={coach} onChange={(e) => setCoach(e.currentTarget.value)}>
            <option value="">Whole workspace</option>
            {coaches.map((c) => (
              <option key={c.id} value={c.id}>
                PMs coached by {c.name}
              </option>
            ))}
          </Select>
          <p className="hint">
            A coach group shows its figures only when every coach group has none or at least 5 PMs there, so
            nobody can be worked out by comparing two views.
          </p>
        </section>
      )}
      <Loaded resource={insights}>{(data) => <InsightsBody data={data} />}</Loaded>
    </Page>
  );
}

function InsightsBody({ data }: { data: Insights }) {
  return (
    <>
      <section className="card" aria-labelledby="counts-heading">
        <h2 id="counts-heading">The last 12 months</h2>
        <div className="insight-charts">
          {data.counts.map((c) => (
            <MonthlyChart key={c.metric} title={metricNames[c.metric]} months={data.months} cells={c.cells} />
          ))}
        </div>
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="counts-caption">
          <table className="table insight-table">
            <caption id="counts-caption">Every month’s figures as a table</caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                {data.counts.map((c) => (
                  <th key={c.metric} scope="col">
                    {metricNames[c.metric]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...data.months].reverse().map((month) => {
                const i = data.months.indexOf(month);
                return (
                  <tr key={month}>
                    <th scope="row" className="insight-month">
                      {monthName(month, 'medium')}
                    </th>
                    {data.counts.map((c) => (
                      <td key={c.metric}>{figureText(c.cells[i]!)}</td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p className="hint">
          Plans refreshed on time: a new plan version within 90 days of the one before. Rounds completed:
          rounds revealed that month. Nudges sent: nudges coaches sent their PMs that month.
        </p>
      </section>

      <section className="card" aria-labelledby="areas-heading">
        <h2 id="areas-heading">Area scores across PMs</h2>
        <p>
          Each PM’s latest revealed round (the coach’s scores, else their own), only from PMs who allow it.
          The middle half of PMs score between the lower and upper quartile; half score above the median.
        </p>
        {data.frameworks.length === 0 ? (
          <EmptyState>
            <p>No revealed rounds yet. Once at least 5 PMs have a revealed round, their areas appear here.</p>
          </EmptyState>
        ) : (
          data.frameworks.map((f) => (
            <div key={f.name} className="insight-framework">
              <h3>{f.name}</h3>
              <p>PMs counted: {figureText(f.pms)}</p>
              <SpreadChart framework={f} />
              <div
                className="table-scroll"
                tabIndex={0}
                role="region"
                aria-label={`${f.name} area scores table`}
              >
                <table className="table insight-table">
                  <caption>
                    {f.name}: lower quartile – median – upper quartile (scale {f.scale.min} to {f.scale.max})
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Area</th>
                      <th scope="col">Lower quartile – median – upper quartile</th>
                    </tr>
                  </thead>
                  <tbody>
                    {f.areas.map((a) => (
                      <tr key={a.key}>
                        <th scope="row">{a.name}</th>
                        <td>{spreadText(a.spread)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          ))
        )}
      </section>
    </>
  );
}
