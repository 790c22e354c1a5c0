import { useRef, useState, type FormEvent } from 'react';
import { useAnnounce } from '../../../app/announcer';
import { useMe } from '../../../app/session';
import { Button } from '../../../ui/Button';
import { FormError } from '../../../ui/FormError';
import { formatDateTime, firstName } from '../../../ui/format';
import { TextArea } from '../../../ui/TextArea';
import { usePlan, usePlanChange } from './plan-context';

const labels = { body: 'Comment' };

/** The comments on the whole plan, a theme or an action, and a way to add one (optionally private). */
export function CommentThread({
  themeId = null,
  actionId = null,
  what,
}: {
  themeId?: string | null;
  actionId?: string | null;
  what: string;
}) {
  const me = useMe();
  const announce = useAnnounce();
  const { plan } = usePlan();
  const add = usePlanChange(labels);
  const remove = usePlanChange();
  const details = useRef<HTMLDetailsElement>(null);
  const [form, setForm] = useState({ body: '', private: false });
  const comments = plan.comments.filter((c) =>
    actionId ? c.actionId === actionId : c.themeId === themeId && !c.actionId,
  );
  const canWrite = plan.isCurrent;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const done = await add.run('POST', '/comments', {
      themeId: themeId ?? undefined,
      actionId: actionId ?? undefined,
      ...form,
    });
    if (!done) return;
    setForm({ body: '', private: false });
    announce(form.private ? 'Private note saved: only you see it.' : 'Comment posted.');
  };

  if (!canWrite && comments.length === 0) return null;
  return (
    <div className="comments no-print">
      {comments.length > 0 && (
        <ul className="comment-list" aria-label={`Comments on ${what}`}>
          {comments.map((c) => (
            <li key={c.id} className={`comment ${c.private ? 'comment-private' : ''}`}>
              <p className="comment-meta">
                <strong>{c.author.id === me.id ? 'You' : firstName(c.author.name)}</strong> ·{' '}
                {formatDateTime(c.createdAt)}
                {c.private && <span className="badge badge-private">Private: only you see this</span>}
              </p>
              <p className="comment-body">{c.body}</p>
              {canWrite && c.author.id === me.id && (
                <button
                  type="button"
                  className="link-button"
                  disabled={remove.pending}
                  onClick={async () => {
                    if (await remove.run('DELETE', `/comments/${c.id}`)) {
                      details.current?.querySelector('summary')?.focus();
                      announce('Comment removed.');
                    }
                  }}
                >
                  Remove
                  <span className="visually-hidden"> your comment from {formatDateTime(c.createdAt)}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {remove.error && (
        <p className="form-error" role="alert">
          {remove.error}
        </p>
      )}
      {canWrite && (
        <details className="comment-form" ref={details}>
          <summary>
            Comment<span className="visually-hidden"> on {what}</span>
          </summary>
          <form className="form" onSubmit={submit}>
            <TextArea
              label="Comment"
              value={form.body}
              maxLength={4000}
              required
              onChange={(e) => setForm({ ...form, body: e.target.value })}
            />
            <label className="checkbox">
              <input
                type="checkbox"
                checked={form.private}
                onChange={(e) => setForm({ ...form, private: e.target.checked })}
              />
              Private note: visible only to you
            </label>
            <FormError message={add.error} />
            <Button type="submit" variant="secondary" pending={add.pending} pendingLabel="Posting…">
              {form.private ? 'Save private note' : 'Post comment'}
            </Button>
          </form>
        </details>
      )}
    </div>
  );
}
