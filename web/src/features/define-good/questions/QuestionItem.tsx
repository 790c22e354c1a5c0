import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Question, QuestionList, QuestionVisibility } from '../../../../../common/questions';
import { api } from '../../../api';
import { useAnnounce } from '../../../app/announcer';
import { Button } from '../../../ui/Button';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { FormError } from '../../../ui/FormError';
import { TextArea } from '../../../ui/TextArea';
import { useAction } from '../../../ui/use-action';
import { sourceLabel, tagNames } from './question-words';
import { VisibilityChoice } from './VisibilityChoice';

/** One question of the bank; its author can change or delete it. */
export function QuestionItem({
  question,
  areas,
  onChanged,
}: {
  question: Question;
  areas: QuestionList['areas'];
  onChanged: () => void;
}) {
  const [editing, setEditing] = useState(false);
  // Leaving the edit form puts the keyboard back on its Edit button.
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  const [confirming, setConfirming] = useState(false);
  const announce = useAnnounce();
  const remove = useAction(() => api('DELETE', `/api/questions/${encodeURIComponent(question.id)}`));
  const tags = tagNames(question, areas);
  return (
    <li className="list-item question-item">
      <div className="item-main">
        {editing ? (
          <EditQuestion
            question={question}
            onDone={(saved) => {
              setEditing(false);
              if (saved) {
                announce('Question saved.');
                onChanged();
              }
            }}
          />
        ) : (
          <>
            <p className="item-title question-text">{question.text}</p>
            <p className="item-meta">{sourceLabel(question)}</p>
            {tags.length > 0 && (
              <ul className="question-tags" aria-label="Tags">
                {tags.map((t) => (
                  <li key={t} className="question-tag">
                    {t}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      {question.canEdit && !editing && (
        <div className="actions">
          <Button
            ref={editButton}
            variant="secondary"
            onClick={() => setEditing(true)}
            aria-label={`Edit: ${question.text}`}
          >
            Edit
          </Button>
          <Button
            variant="secondary"
            onClick={() => setConfirming(true)}
            aria-label={`Delete: ${question.text}`}
          >
            Delete
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title="Delete this question?"
        confirmLabel="Delete question"
        pending={remove.pending}
        error={remove.error}
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          if ((await remove.run()) === undefined) return;
          setConfirming(false);
          announce('Question deleted.');
          onChanged();
        }}
      >
        <p>
          “{question.text}” leaves the bank
          {question.visibility === 'workspace' ? ' for everyone in your workspace' : ''}.
        </p>
      </ConfirmDialog>
    </li>
  );
}

function EditQuestion({ question, onDone }: { question: Question; onDone: (saved: boolean) => void }) {
  const [text, setText] = useState(question.text);
  const [visibility, setVisibility] = useState<QuestionVisibility>(question.visibility ?? 'private');
  const save = useAction(
    (body: unknown) => api('PATCH', `/api/questions/${encodeURIComponent(question.id)}`, body),
    { text: 'The question' },
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if ((await save.run({ text, visibility })) !== undefined) onDone(true);
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextArea
        label="Your question"
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={2}
        // Opened by pressing Edit: the cursor goes where the change is made.
        autoFocus
      />
      <VisibilityChoice value={visibility} onChange={setVisibility} />
      <FormError message={save.error} />
      <div className="actions">
        <Button type="submit" pending={save.pending}>
          Save question
        </Button>
        <Button variant="secondary" onClick={() => onDone(false)} disabled={save.pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
