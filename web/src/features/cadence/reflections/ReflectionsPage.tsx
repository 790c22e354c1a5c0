import { useState, type FormEvent } from 'react';
import { useFormDraft } from '../../../ui/autosave/use-form-draft';
import type { Attachment, Journal, Reflection } from '../../../../../common/reflections';
import { textVersion } from '../../../../../common/text-version';
import { api, ApiError } from '../../../api';
import { NotFoundPage } from '../../../app/NotFoundPage';
import { Page } from '../../../app/Page';
import { useResource } from '../../../app/use-resource';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { EmptyState } from '../../../ui/EmptyState';
import { FormError } from '../../../ui/FormError';
import { formatDateTime } from '../../../ui/format';
import { Loaded } from '../../../ui/Loaded';
import { Section } from '../../../ui/Section';
import { Select } from '../../../ui/Select';
import { TextArea } from '../../../ui/TextArea';
import { useAction } from '../../../ui/use-action';
import { usePm } from '../../people/pairs/use-pm';
import { attachmentKindWords, optionValue, parseOption } from './reflection-words';
import '../../../styles/reflections.css';

const MAX = 5000;

/** `/pms/{id}/reflections`: the PM's private journal; for a coach, their private notes and what the PM shared. */
export default function ReflectionsPage({ pmId }: { pmId: string }) {
  const pm = usePm(pmId);
  // "?about=round:<id>" from the Reflect link on a round or coaching session page.
  const [about] = useState(() => new URLSearchParams(location.search).get('about') ?? '');
  const [filter, setFilter] = useState('');
  const query = parseOption(filter);
  const path =
    `/api/pms/${encodeURIComponent(pmId)}/reflections` +
    (query ? `?attachedKind=${query.kind}&attachedId=${encodeURIComponent(query.id)}` : '');
  const journal = useResource<Journal>(path);
  if (journal.error && [400, 403, 404].includes(journal.error.status)) return <NotFoundPage />;
  const title = pm.isMe ? 'Your reflections' : `Your notes on coaching ${pm.first}`;
  const lead = pm.isMe
    ? 'A private journal: what you noticed, what you would try next. Only you read it, unless you share an entry with your coach.'
    : `Private notes about your coaching of ${pm.first}: only you ever see them, never ${pm.first}, never a later coach. Below them, the reflections ${pm.first} chose to share with you.`;
  return (
    <Page title={title} lead={lead}>
      <Loaded resource={journal}>
        {(data) => (
          <>
            <WriteEntry pmId={pmId} journal={data} initial={about} onSaved={journal.reload} />
            <Entries
              pmId={pmId}
              journal={data}
              pmFirst={pm.first}
              filter={filter}
              setFilter={setFilter}
              onChanged={journal.reload}
            />
          </>
        )}
      </Loaded>
    </Page>
  );
}

function AttachSelect({
  label,
  value,
  onChange,
  options,
  none,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: Attachment[];
  none: string;
}) {
  const kinds = ['area', 'theme', 'round', 'coaching-session'] as const;
  return (
    <Select label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{none}</option>
      {kinds.map((kind) => {
        const list = options.filter((o) => o.kind === kind);
        return list.length ? (
          <optgroup key={kind} label={attachmentKindWords[kind]}>
            {list.map((o) => (
              <option key={optionValue(o)} value={optionValue(o)}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ) : null;
      })}
    </Select>
  );
}

function WriteEntry({
  pmId,
  journal,
  initial,
  onSaved,
}: {
  pmId: string;
  journal: Journal;
  initial: string;
  onSaved: () => void;
}) {
  const isPm = journal.viewer.side === 'pm';
  const [body, setBody] = useState('');
  const [attach, setAttach] = useState(initial);
  const [saved, setSaved] = useState('');
  const draft = useFormDraft(`reflections:${pmId}:new`, body, setBody);
  const save = useAction((input: unknown) => api<Reflection>('POST', `/api/pms/${pmId}/reflections`, input));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved('');
    const result = await save.run({ body, attachedTo: parseOption(attach) });
    if (!result) return;
    setBody('');
    draft.clear();
    setSaved(isPm ? 'Saved in your journal. Only you can read it.' : 'Note saved. Only you can read it.');
    onSaved();
  };
  return (
    <Section title={isPm ? 'Write a reflection' : 'Write a private note'}>
      <form className="reflection-form" onSubmit={submit} noValidate>
        <TextArea
          label={isPm ? 'What is on your mind?' : 'Your note'}
          hint={
            isPm
              ? 'E.g. what went well, what you avoided, what you want to try. Up to 5000 characters.'
              : 'E.g. what you noticed, a question to ask next time. It is never shown to the PM.'
          }
          rows={5}
          value={body}
          maxLength={MAX}
          onChange={(e) => setBody(e.target.value)}
        />
        <p className="hint" aria-live="polite">
          {draft.note}
        </p>
        <AttachSelect
          label="About (optional)"
          value={attach}
          onChange={setAttach}
          options={journal.attachable}
          none="Nothing in particular"
        />
        <FormError message={save.error} />
        <button type="submit" className="button button-primary" disabled={save.pending}>
          {save.pending ? 'Saving…' : isPm ? 'Save reflection' : 'Save note'}
        </button>
        <p role="status" className="hint">
          {saved}
        </p>
      </form>
    </Section>
  );
}

function Entries({
  pmId,
  journal,
  pmFirst,
  filter,
  setFilter,
  onChanged,
}: {
  pmId: string;
  journal: Journal;
  pmFirst: string;
  filter: string;
  setFilter: (v: string) => void;
  onChanged: () => void;
}) {
  const isPm = journal.viewer.side === 'pm';
  const mine = journal.entries.filter((e) => e.mine);
  const shared = journal.entries.filter((e) => !e.mine);
  return (
    <>
      <Section title={isPm ? 'Your journal' : 'Your private notes'}>
        <AttachSelect
          label="Show entries about"
          value={filter}
          onChange={setFilter}
          options={journal.attachable}
          none="Everything"
        />
        {mine.length === 0 ? (
          <EmptyState>
            {isPm ? (
              <p>
                {filter
                  ? 'Nothing written about this yet.'
                  : 'Nothing here yet. When something stays with me after a meeting, a round or a session, this is where I write it down: for me first.'}
              </p>
            ) : (
              <p>
                {filter
                  ? 'No notes about this yet.'
                  : `No notes yet. Write what you notice about coaching ${pmFirst}, for your eyes only.`}
              </p>
            )}
          </EmptyState>
        ) : (
          <ul className="list reflection-list">
            {mine.map((entry) => (
              <EntryItem key={entry.id} pmId={pmId} entry={entry} journal={journal} onChanged={onChanged} />
            ))}
          </ul>
        )}
      </Section>
      {!isPm && (
        <Section title={`Shared by ${pmFirst}`}>
          {shared.length === 0 ? (
            <EmptyState>
              <p>
                {pmFirst} has not shared a reflection with you. Their journal is theirs; they choose what to
                share.
              </p>
            </EmptyState>
          ) : (
            <ul className="list reflection-list">
              {shared.map((entry) => (
                <EntryItem key={entry.id} pmId={pmId} entry={entry} journal={journal} onChanged={onChanged} />
              ))}
            </ul>
          )}
        </Section>
      )}
    </>
  );
}

function EntryItem({
  pmId,
  entry,
  journal,
  onChanged,
}: {
  pmId: string;
  entry: Reflection;
  journal: Journal;
  onChanged: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [body, setBody] = useState(entry.body);
  // The words the edit started from (decision 063); on a conflict, the words saved elsewhere.
  const [base, setBase] = useState(entry.body);
  const [theirs, setTheirs] = useState<string | null>(null);
  const [attach, setAttach] = useState(entry.attachedTo ? optionValue(entry.attachedTo) : '');
  const url = `/api/pms/${pmId}/reflections/${entry.id}`;
  const update = useAction(async (input: Record<string, unknown>) => {
    try {
      return await api<Reflection>('PATCH', url, { ...input, versions: { body: textVersion(base) } });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'edit_conflict') {
        const current = (error.details.current as { body?: string } | undefined)?.body ?? '';
        setTheirs(current);
        setBase(current);
      }
      throw error;
    }
  });
  const share = useAction((shared: boolean) => api<Reflection>('PUT', `${url}/share`, { shared }));
  const remove = useAction(() => api('DELETE', url));
  const options =
    entry.attachedTo && !journal.attachable.some((o) => optionValue(o) === optionValue(entry.attachedTo!))
      ? [...journal.attachable, entry.attachedTo]
      : journal.attachable;

  const saveEdit = async (e: FormEvent) => {
    e.preventDefault();
    if (await update.run({ body, attachedTo: parseOption(attach) })) {
      setTheirs(null);
      setEditing(false);
      onChanged();
    }
  };
  return (
    <li className="list-item reflection">
      <p className="item-meta">
        {entry.mine ? 'Written' : `${entry.author.name} wrote`} {formatDateTime(entry.createdAt)}
        {entry.updatedAt !== entry.createdAt && ` · edited ${formatDateTime(entry.updatedAt)}`}
        {entry.attachedTo && (
          <>
            {' · '}
            {attachmentKindWords[entry.attachedTo.kind]}: {entry.attachedTo.label}
          </>
        )}
      </p>
      {editing ? (
        <form onSubmit={saveEdit} noValidate>
          <TextArea
            label="Edit the words"
            rows={5}
            value={body}
            maxLength={MAX}
            onChange={(e) => setBody(e.target.value)}
          />
          <AttachSelect
            label="About"
            value={attach}
            onChange={setAttach}
            options={options}
            none="Nothing in particular"
          />
          {theirs !== null && (
            <div className="plan-note">
              <p>Saved elsewhere meanwhile (another tab or device):</p>
              <blockquote>{theirs}</blockquote>
              <p>
                <button type="button" className="button button-secondary" onClick={() => setBody(theirs)}>
                  Use the one saved elsewhere
                </button>{' '}
                or <strong>Save changes</strong> to keep yours.
              </p>
            </div>
          )}
          <FormError message={update.error} />
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={update.pending}>
              Save changes
            </button>
            <button type="button" className="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <p className="reflection-body">{entry.body}</p>
      )}
      {entry.mine && !editing && (
        <div className="reflection-actions">
          {entry.kind === 'reflection' && (
            <div className="field switch-field">
              <label>
                <input
                  type="checkbox"
                  role="switch"
                  checked={entry.shared}
                  disabled={share.pending}
                  onChange={async (e) => {
                    if (await share.run(e.target.checked)) onChanged();
                  }}
                />{' '}
                Share with my coach
              </label>
              <p className="hint">
                {entry.shared
                  ? 'Your current coach can read this entry (and that they read it shows in your access log). Turn it off to make it private again.'
                  : 'Private: only you can read it. Sharing lets your current coach read this one entry, not the rest of your journal.'}
              </p>
              <FormError message={share.error} />
            </div>
          )}
          <div className="actions">
            <button
              type="button"
              className="button"
              onClick={() => {
                setBody(entry.body);
                setBase(entry.body);
                setTheirs(null);
                setEditing(true);
              }}
            >
              Edit<span className="visually-hidden"> the entry from {formatDateTime(entry.createdAt)}</span>
            </button>
            <button type="button" className="button button-danger" onClick={() => setDeleting(true)}>
              Delete<span className="visually-hidden"> the entry from {formatDateTime(entry.createdAt)}</span>
            </button>
          </div>
        </div>
      )}
      <ConfirmDialog
        open={deleting}
        title="Delete this entry?"
        confirmLabel="Delete"
        pending={remove.pending}
        error={remove.error}
        onConfirm={async () => {
          if ((await remove.run()) !== undefined) {
            setDeleting(false);
            onChanged();
          }
        }}
        onCancel={() => setDeleting(false)}
      >
        <p>It is gone for good; nobody can read it afterwards.</p>
      </ConfirmDialog>
    </li>
  );
}
