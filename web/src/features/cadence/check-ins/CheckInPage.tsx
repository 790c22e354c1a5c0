import { useState, type FormEvent } from 'react';
import type { CheckIn, CheckInBoard, Emotion } from '../../../../../common/check-ins';
import { api } from '../../../api';
import { Page } from '../../../app/Page';
import { Link } from '../../../app/router';
import { useMe } from '../../../app/session';
import { useResource } from '../../../app/use-resource';
import { NotFoundPage } from '../../../app/NotFoundPage';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { FormError } from '../../../ui/FormError';
import { formatDateTime } from '../../../ui/format';
import { Loaded } from '../../../ui/Loaded';
import { Select } from '../../../ui/Select';
import { TextArea } from '../../../ui/TextArea';
import { Field } from '../../../ui/Field';
import { useAction } from '../../../ui/use-action';
import '../../../styles/check-ins.css';

const MAX = 3;

/** `/pms/{id}/check-in`: the PM says how they feel, on a phone in a few taps. */
export default function CheckInPage({ pmId }: { pmId: string }) {
  const me = useMe();
  const board = useResource<CheckInBoard>(`/api/pms/${encodeURIComponent(pmId)}/check-ins`);
  if (board.error && [400, 403, 404].includes(board.error.status)) return <NotFoundPage />;
  const isPm = me.id === pmId;
  return (
    <Page
      title="How do you feel?"
      lead={
        isPm
          ? 'Pick up to three emotions, say what it is about, and why if you like. It takes a few seconds.'
          : 'Check-ins are the PM’s own words. You see the ones they share on their timeline.'
      }
    >
      <Loaded resource={board}>
        {(data) =>
          isPm ? (
            <CheckInForm pmId={pmId} board={data} onSaved={board.reload} />
          ) : (
            <p>
              <Link className="button button-primary" to={`/pms/${pmId}/timeline`}>
                Open the timeline
              </Link>
            </p>
          )
        }
      </Loaded>
    </Page>
  );
}

function CheckInForm({ pmId, board, onSaved }: { pmId: string; board: CheckInBoard; onSaved: () => void }) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [about, setAbout] = useState('general');
  const [project, setProject] = useState('');
  const [why, setWhy] = useState('');
  const [isPrivate, setPrivate] = useState(false);
  const [saved, setSaved] = useState<CheckIn | null>(null);
  const [hint, setHint] = useState('');
  const save = useAction((body: unknown) => api<CheckIn>('POST', `/api/pms/${pmId}/check-ins`, body));

  const toggle = (key: string) => {
    setSaved(null);
    if (chosen.includes(key)) {
      setChosen(chosen.filter((k) => k !== key));
      setHint('');
    } else if (chosen.length >= MAX) {
      setHint('You can pick up to three. Tap one you picked to let it go.');
    } else {
      setChosen([...chosen, key]);
      setHint('');
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (chosen.length === 0) {
      setHint('Pick at least one emotion first.');
      return;
    }
    const aboutBody =
      about === 'general'
        ? { kind: 'general' }
        : about === 'project'
          ? { kind: 'project', text: project }
          : { kind: 'theme', lineageId: about.slice('theme:'.length) };
    const result = await save.run({ emotions: chosen, about: aboutBody, why, private: isPrivate });
    if (!result) return;
    setSaved(result);
    setChosen([]);
    setWhy('');
    setProject('');
    setAbout('general');
    setPrivate(false);
    onSaved();
  };

  return (
    <>
      <form className="check-in-form" onSubmit={submit} noValidate>
        {board.groups.map((group) => (
          <fieldset key={group.key} className={`emotion-group emotion-${group.key}`}>
            <legend>{group.name}</legend>
            <div className="emotion-buttons">
              {board.emotions
                .filter((e) => e.group === group.key)
                .map((e) => (
                  <EmotionButton key={e.key} emotion={e} pressed={chosen.includes(e.key)} onToggle={toggle} />
                ))}
            </div>
          </fieldset>
        ))}
        <p className="hint check-in-count" aria-live="polite">
          {hint || (chosen.length ? `Picked: ${names(board.emotions, chosen)}` : 'Pick one, or up to three.')}
        </p>
        <Select label="What is it about?" value={about} onChange={(e) => setAbout(e.target.value)}>
          <option value="general">In general</option>
          {board.themes.map((t) => (
            <option key={t.lineageId} value={`theme:${t.lineageId}`}>
              Plan theme: {t.title}
            </option>
          ))}
          <option value="project">A project…</option>
        </Select>
        {about === 'project' && (
          <Field
            label="Which project, in a few words?"
            value={project}
            maxLength={80}
            onChange={(e) => setProject(e.target.value)}
          />
        )}
        <TextArea
          label="Why? (optional, but it helps the conversation)"
          value={why}
          maxLength={1000}
          onChange={(e) => setWhy(e.target.value)}
        />
        <div className="field switch-field">
          <label>
            <input
              type="checkbox"
              role="switch"
              checked={isPrivate}
              onChange={(e) => setPrivate(e.target.checked)}
            />{' '}
            Keep it private (only you see it)
          </label>
        </div>
        <FormError message={save.error} />
        <button type="submit" className="button button-primary check-in-save" disabled={save.pending}>
          {save.pending ? 'Saving…' : 'Save check-in'}
        </button>
      </form>
      <div role="status" className="check-in-saved">
        {saved && (
          <p>
            Saved: {saved.emotions.map((e) => e.name.toLowerCase()).join(', ')}.{' '}
            {saved.private ? 'Only you can see it.' : 'Your coach sees it on your timeline.'}{' '}
            <Link to={`/pms/${pmId}/timeline`}>Open your timeline</Link>
          </p>
        )}
      </div>
      <RecentCheckIns pmId={pmId} list={board.checkIns} onDeleted={onSaved} />
    </>
  );
}

const names = (emotions: Emotion[], keys: string[]) =>
  keys.map((k) => emotions.find((e) => e.key === k)?.name ?? k).join(', ');

function EmotionButton({
  emotion,
  pressed,
  onToggle,
}: {
  emotion: Emotion;
  pressed: boolean;
  onToggle: (key: string) => void;
}) {
  return (
    <button
      type="button"
      className="emotion-button"
      aria-pressed={pressed}
      onClick={() => onToggle(emotion.key)}
    >
      <span className="emotion-check" aria-hidden="true">
        {pressed ? '✓' : ''}
      </span>
      {emotion.name}
    </button>
  );
}

function RecentCheckIns({ pmId, list, onDeleted }: { pmId: string; list: CheckIn[]; onDeleted: () => void }) {
  const [deleting, setDeleting] = useState<CheckIn | null>(null);
  const remove = useAction((id: string) => api('DELETE', `/api/pms/${pmId}/check-ins/${id}`));
  if (!list.length) return null;
  return (
    <section className="card" aria-labelledby="recent-check-ins">
      <h2 id="recent-check-ins">Your recent check-ins</h2>
      <ul className="list">
        {list.slice(0, 5).map((c) => (
          <li key={c.id} className="list-item">
            <div className="item-main">
              <p className="item-title">
                {c.emotions.map((e) => e.name).join(', ')} · {c.about.title}
                {c.private && <span className="badge badge-private">Private</span>}
              </p>
              <p className="item-meta">
                {formatDateTime(c.createdAt)}
                {c.why && <> · {c.why}</>}
              </p>
            </div>
            <button
              type="button"
              className="button button-secondary"
              aria-label={`Delete the check-in of ${formatDateTime(c.createdAt)}`}
              onClick={() => setDeleting(c)}
            >
              Delete
            </button>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this check-in?"
        confirmLabel="Delete"
        pending={remove.pending}
        error={remove.error}
        onCancel={() => setDeleting(null)}
        onConfirm={async () => {
          if (deleting && (await remove.run(deleting.id)) !== undefined) {
            setDeleting(null);
            onDeleted();
          }
        }}
      >
        <p>
          It disappears from your timeline{deleting?.private ? '' : ' and your coach’s view'}. This cannot be
          undone.
        </p>
      </ConfirmDialog>
    </section>
  );
}
