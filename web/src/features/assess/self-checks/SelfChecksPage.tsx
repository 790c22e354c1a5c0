import { useState } from 'react';
import type { SelfCheck, SelfCheckList, SelfCheckSummary } from '../../../../../common/self-checks';
import { api } from '../../../api';
import { NotFoundPage } from '../../../app/NotFoundPage';
import { Page } from '../../../app/Page';
import { useResource } from '../../../app/use-resource';
import { Button } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';
import { FormError } from '../../../ui/FormError';
import { formatDate } from '../../../ui/format';
import { Loaded } from '../../../ui/Loaded';
import { Section } from '../../../ui/Section';
import { useAction } from '../../../ui/use-action';
import { usePm } from '../../people/pairs/use-pm';
import { DipsAtSubmit } from './DipsAtSubmit';
import { SelfCheckFlow } from './SelfCheckFlow';
import '../../../styles/wheel.css';
import '../../../styles/self-checks.css';

/** `/pms/{id}/self-checks`: the PM scores themselves alone, in a couple of minutes; a coach sees what is shared. */
export default function SelfChecksPage({ pmId }: { pmId: string }) {
  const pm = usePm(pmId);
  const list = useResource<SelfCheckList>(`/api/pms/${encodeURIComponent(pmId)}/self-checks`);
  const [done, setDone] = useState<SelfCheck | null>(null);
  // The dip's note prompt lives in the address (?note=<id>), so a reload or a link from a dip brings it back.
  const [noteFor] = useState(() => new URLSearchParams(location.search).get('note'));
  const asked = useResource<SelfCheck>(
    pm.isMe && noteFor && !done
      ? `/api/pms/${encodeURIComponent(pmId)}/self-checks/${encodeURIComponent(noteFor)}`
      : null,
  );
  const prompt = done ?? (asked.data?.status === 'submitted' ? asked.data : null);
  if (list.error && [400, 403, 404].includes(list.error.status)) return <NotFoundPage />;
  return (
    <Page
      title={pm.isMe ? 'Self-check' : `${pm.first}'s self-checks`}
      lead={
        pm.isMe
          ? 'Score yourself, alone, whenever you like: the whole wheel or a few areas, in a couple of minutes. It stays yours until you share it with your coach.'
          : `Self-checks ${pm.first} chose to share with you. The rest stay ${pm.first}'s own.`
      }
    >
      <Loaded resource={list}>
        {(data) => {
          const draft = data.selfChecks.find((s) => s.status === 'draft');
          return (
            <>
              {pm.isMe && prompt && <DipsAtSubmit pmId={pmId} selfCheck={prompt} />}
              {pm.isMe && !prompt && (
                <Section title={draft ? 'Your self-check in progress' : 'A new self-check'}>
                  {draft ? (
                    <SelfCheckFlow
                      pmId={pmId}
                      id={draft.id}
                      onSubmitted={(s) => {
                        if (s.dips.length > 0) history.replaceState(null, '', `?note=${s.id}`);
                        setDone(s);
                        list.reload();
                      }}
                    />
                  ) : (
                    <StartSelfCheck pmId={pmId} areas={data.areas} onStarted={list.reload} />
                  )}
                </Section>
              )}
              <Section title={pm.isMe ? 'Your self-checks' : 'Shared with you'}>
                <SelfCheckHistory
                  pmId={pmId}
                  isMe={pm.isMe}
                  first={pm.first}
                  items={data.selfChecks.filter((s) => s.status === 'submitted')}
                  onChanged={list.reload}
                />
              </Section>
            </>
          );
        }}
      </Loaded>
    </Page>
  );
}

function StartSelfCheck({
  pmId,
  areas,
  onStarted,
}: {
  pmId: string;
  areas: SelfCheckList['areas'];
  onStarted: () => void;
}) {
  const [chosen, setChosen] = useState<string[]>([]);
  const start = useAction((body: unknown) => api<SelfCheck>('POST', `/api/pms/${pmId}/self-checks`, body));
  const go = async (body: unknown) => {
    if (await start.run(body)) onStarted();
  };
  return (
    <div className="self-check-start">
      <Button className="tap" pending={start.pending} pendingLabel="Starting…" onClick={() => go({})}>
        Check the whole wheel
      </Button>
      <fieldset className="self-check-areas">
        <legend>Or only the areas on your mind</legend>
        {areas.map((a) => (
          <label key={a.key} className="tap-choice">
            <input
              type="checkbox"
              checked={chosen.includes(a.key)}
              onChange={(e) =>
                setChosen(e.target.checked ? [...chosen, a.key] : chosen.filter((k) => k !== a.key))
              }
            />{' '}
            {a.name}
          </label>
        ))}
      </fieldset>
      <Button
        className="tap"
        variant="secondary"
        disabled={chosen.length === 0}
        pending={start.pending}
        pendingLabel="Starting…"
        onClick={() => go({ areas: chosen })}
      >
        Check {chosen.length === 1 ? 'this area' : `these ${chosen.length || ''} areas`.replace('  ', ' ')}
      </Button>
      <FormError message={start.error} />
    </div>
  );
}

function SelfCheckHistory({
  pmId,
  isMe,
  first,
  items,
  onChanged,
}: {
  pmId: string;
  isMe: boolean;
  first: string;
  items: SelfCheckSummary[];
  onChanged: () => void;
}) {
  if (items.length === 0)
    return (
      <EmptyState>
        <p>
          {isMe
            ? 'No self-checks yet. Each one you submit is listed here, private until you share it.'
            : `Nothing shared yet. ${first} decides which self-checks to share with you.`}
        </p>
      </EmptyState>
    );
  return (
    <ul className="list">
      {items.map((s) => (
        <SelfCheckItem key={s.id} pmId={pmId} isMe={isMe} item={s} onChanged={onChanged} />
      ))}
    </ul>
  );
}

function SelfCheckItem({
  pmId,
  isMe,
  item,
  onChanged,
}: {
  pmId: string;
  isMe: boolean;
  item: SelfCheckSummary;
  onChanged: () => void;
}) {
  const share = useAction((on: boolean) =>
    api<SelfCheck>(on ? 'POST' : 'DELETE', `/api/pms/${pmId}/self-checks/${item.id}/share`),
  );
  const date = formatDate(item.submittedAt ?? item.createdAt);
  return (
    <li className="list-item">
      <div className="item-main">
        <p className="item-title">
          Self-check, {date}{' '}
          {isMe && (
            <span className={`badge ${item.sharedAt ? 'badge-accepted' : 'badge-private'}`}>
              {item.sharedAt ? 'Shared with your coach' : 'Private'}
            </span>
          )}
        </p>
        <p className="item-meta">{item.areas.map((a) => `${a.name} ${a.score ?? '–'}`).join(' · ')}</p>
        <FormError message={share.error} />
      </div>
      {isMe && (
        <div className="actions">
          <Button
            variant="secondary"
            pending={share.pending}
            onClick={async () => {
              if (await share.run(!item.sharedAt)) onChanged();
            }}
          >
            {item.sharedAt ? 'Stop sharing' : 'Share with your coach'}
            <span className="visually-hidden"> (self-check of {date})</span>
          </Button>
        </div>
      )}
    </li>
  );
}
