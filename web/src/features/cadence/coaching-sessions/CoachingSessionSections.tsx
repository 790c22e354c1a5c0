import type { CoachingSessionList } from '../../../../../common/coaching-sessions';
import type { PmSummary } from '../../../../../common/home';
import { Link } from '../../../app/router';
import { useResource, type Resource } from '../../../app/use-resource';
import { Loaded } from '../../../ui/Loaded';
import { Section } from '../../../ui/Section';
import { ColourHistoryGrid } from './ColourHistoryGrid';
import { kindWords, whenOf } from './colour-words';
import { PitfallGuards } from './PitfallGuards';

/** On the plan page: the themes' colour history, the next coaching session and any pitfall. */
export function PlanCoachingSection({ pmId }: { pmId: string }) {
  const list = useResource<CoachingSessionList>(`/api/pms/${encodeURIComponent(pmId)}/coaching-sessions`);
  return (
    <Section title="Coaching sessions and colour history">
      <Loaded resource={list}>
        {(data) => (
          <>
            <PitfallGuards guards={data.guards} />
            <p className="item-meta">
              {data.upcoming[0] ? (
                <>
                  Next:{' '}
                  <Link to={`/coaching-sessions/${data.upcoming[0].id}`}>
                    {kindWords[data.upcoming[0].kind]}, {whenOf(data.upcoming[0])}
                  </Link>
                </>
              ) : (
                'No coaching session scheduled.'
              )}
            </p>
            <ColourHistoryGrid history={data.colourHistory} caption="Colour of each theme by month" />
          </>
        )}
      </Loaded>
      <p className="section-link">
        <Link to={`/pms/${pmId}/coaching-sessions`}>All coaching sessions</Link>
      </p>
    </Section>
  );
}

/** The PM's home: a link to their coaching sessions. */
export function PmCoachingSection({ meId, summary }: { meId: string; summary: Resource<PmSummary> }) {
  return (
    <Section title="Your coaching sessions">
      <Loaded resource={summary}>
        {(mine) => (
          <ColourHistoryGrid history={mine.colourHistory} caption="Your colour of each theme, last months" />
        )}
      </Loaded>
      <p className="section-link">
        <Link to={`/pms/${meId}/coaching-sessions`}>Open your coaching sessions</Link>
      </p>
    </Section>
  );
}

/** The coach's home: each PM's colour history over the last months, and their coaching sessions. */
export function CoachCoachingSection({ coached }: { coached: Resource<PmSummary[]> }) {
  return (
    <Section title="Coaching sessions" intro="Each PM’s red, amber or green per theme over the last months.">
      <Loaded resource={coached}>
        {(summaries) => (
          <ul className="list">
            {summaries.map(({ pm, colourHistory }) => (
              <li key={pm.id} className="list-item colour-home-item">
                <div className="item-main">
                  <p className="item-title">{pm.name}</p>
                  <ColourHistoryGrid history={colourHistory} caption={`Colour history of ${pm.name}`} />
                </div>
                <p className="toolbar">
                  <Link to={`/pms/${pm.id}/coaching-sessions`}>
                    Coaching sessions<span className="visually-hidden"> with {pm.name}</span>
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </Section>
  );
}
