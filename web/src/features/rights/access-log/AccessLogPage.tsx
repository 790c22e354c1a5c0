import { useState } from 'react';
import type { AccessLogEntry } from '../../../../../common/schemas';
import { Page } from '../../../app/Page';
import { useMe } from '../../../app/session';
import { useResource } from '../../../app/use-resource';
import { EmptyState } from '../../../ui/EmptyState';
import { formatDateTime } from '../../../ui/format';
import { Loaded } from '../../../ui/Loaded';
import { Select } from '../../../ui/Select';
import { describeAction, describeActor, describeRepeats } from './describe';
import { filterChoices, groupLog, thingOf } from './group';

/** `/access-log`: who opened or changed the signed-in PM's coaching data, newest first. */
export default function AccessLogPage() {
  const me = useMe();
  const [includeOwn, setIncludeOwn] = useState(false);
  const log = useResource<AccessLogEntry[]>(
    `/api/pms/${me.id}/access-log${includeOwn ? '?who=everyone' : ''}`,
  );
  return (
    <Page
      title="Access log"
      lead="Who opened or changed your coaching data, and when. Only you see this log."
    >
      <section className="card" aria-label="Access log entries">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={includeOwn}
            onChange={(e) => setIncludeOwn(e.currentTarget.checked)}
          />
          Show my own activity too
        </label>
        <Loaded resource={log}>
          {(entries) =>
            entries.length === 0 ? (
              <EmptyState>
                <p>
                  {includeOwn
                    ? 'Nothing recorded yet.'
                    : 'Nothing recorded yet: no one else has opened your coaching data.'}{' '}
                  Each time a coach opens or changes your overview, assessments, plan or notes, it's listed
                  here: who, what and when, never the content.
                </p>
              </EmptyState>
            ) : (
              <GroupedLog entries={entries} meId={me.id} />
            )
          }
        </Loaded>
      </section>
    </Page>
  );
}

/**
 * The log by day and person ("Tuesday 3 Dec: Hana Lead opened your plan 3 times"), filtered by who
 * and what; each line opens to every entry behind it (native disclosure: keyboard and readers).
 */
function GroupedLog({ entries, meId }: { entries: AccessLogEntry[]; meId: string }) {
  const [who, setWho] = useState('');
  const [what, setWhat] = useState('');
  const choices = filterChoices(entries, meId);
  const shown = entries.filter(
    (e) => (!who || (e.actor?.id ?? 'deleted') === who) && (!what || thingOf(e) === what),
  );
  const groups = groupLog(shown, meId);
  return (
    <>
      <div className="toolbar access-log-filters">
        <Select label="Who" value={who} onChange={(e) => setWho(e.currentTarget.value)}>
          <option value="">Everyone</option>
          {choices.people.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </Select>
        <Select label="What" value={what} onChange={(e) => setWhat(e.currentTarget.value)}>
          <option value="">Everything</option>
          {choices.things.map((thing) => (
            <option key={thing} value={thing}>
              {thing.charAt(0).toUpperCase() + thing.slice(1)}
            </option>
          ))}
        </Select>
      </div>
      <p role="status" className="hint">
        {groups.length === 1 ? '1 day and person' : `${groups.length} days and people`} ·{' '}
        {shown.length === 1 ? '1 entry' : `${shown.length} entries`}
      </p>
      <ul className="list access-log-groups">
        {groups.map((group) => (
          <li key={group.key} className="list-item">
            <details>
              <summary>{group.summary}</summary>
              <div
                className="table-scroll"
                role="region"
                aria-label={`Every entry of ${group.summary}`}
                tabIndex={0}
              >
                <table className="table">
                  <caption className="visually-hidden">Every entry of {group.summary}</caption>
                  <thead>
                    <tr>
                      <th scope="col">When</th>
                      <th scope="col">Who</th>
                      <th scope="col">What</th>
                    </tr>
                  </thead>
                  <tbody>
                    {group.entries.map((entry) => (
                      <tr key={entry.id}>
                        <td>
                          <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                        </td>
                        <td>{describeActor(entry, meId)}</td>
                        <td>
                          {describeAction(entry)}
                          <Repeats entry={entry} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          </li>
        ))}
      </ul>
    </>
  );
}

/** "8 times since 9:38" under an entry that stands for repeats. */
function Repeats({ entry }: { entry: AccessLogEntry }) {
  const repeats = describeRepeats(entry);
  return repeats ? <p className="hint">{repeats}</p> : null;
}
