import { useState } from 'react';
import type { AccessLogEntry } from '../../../../../common/schemas';
import { Page } from '../../../app/Page';
import { useMe } from '../../../app/session';
import { useResource } from '../../../app/use-resource';
import { EmptyState } from '../../../ui/EmptyState';
import { formatDateTime } from '../../../ui/format';
import { Loaded } from '../../../ui/Loaded';
import { describeAction, describeActor, describeRepeats } from './describe';

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
              <div className="table-scroll" role="region" aria-label="Access log" tabIndex={0}>
                <table className="table">
                  <caption className="visually-hidden">Access to your coaching data, newest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">When</th>
                      <th scope="col">Who</th>
                      <th scope="col">What</th>
                    </tr>
                  </thead>
                  <tbody>
                    {entries.map((entry) => (
                      <tr key={entry.id}>
                        <td>
                          <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                        </td>
                        <td>{describeActor(entry, me.id)}</td>
                        <td>
                          {describeAction(entry)}
                          <Repeats entry={entry} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </Loaded>
      </section>
    </Page>
  );
}

/** "8 times since 9:38" under an entry that stands for repeats. */
function Repeats({ entry }: { entry: AccessLogEntry }) {
  const repeats = describeRepeats(entry);
  return repeats ? <p className="hint">{repeats}</p> : null;
}
