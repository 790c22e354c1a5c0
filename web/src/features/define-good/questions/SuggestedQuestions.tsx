import { useEffect, useRef } from 'react';
import type { SuggestedQuestion, SuggestedQuestions as Suggested } from '../../../../../common/questions';
import { api } from '../../../api';
import { useAnnounce } from '../../../app/announcer';
import { Link } from '../../../app/router';
import { useResource } from '../../../app/use-resource';
import { Button } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';
import { FormError } from '../../../ui/FormError';
import { Loaded } from '../../../ui/Loaded';
import { Section } from '../../../ui/Section';
import { useAction } from '../../../ui/use-action';
import '../../../styles/questions.css';

/** A few questions for the pair's next conversation, in the PM's own words, each with why it was chosen. */
export function SuggestedQuestions({ pmId, isPm, pmName }: { pmId: string; isPm: boolean; pmName: string }) {
  const path = `/api/pms/${encodeURIComponent(pmId)}/questions/suggested?limit=3`;
  const suggested = useResource<Suggested>(path);
  // After "Mark as asked" the question leaves the list: keep the keyboard in the list.
  const list = useRef<HTMLDivElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (!refocus.current || suggested.loading || !suggested.data) return;
    refocus.current = false;
    (list.current?.querySelector<HTMLElement>('button') ?? list.current)?.focus();
  }, [suggested.data, suggested.loading]);
  const asked = () => {
    refocus.current = true;
    suggested.reload();
  };
  return (
    <Section
      title="Suggested questions"
      intro={
        isPm
          ? 'Questions to think about before your next conversation, chosen from your wheel and plan.'
          : `Questions for your next conversation with ${pmName}, chosen from their wheel and plan.`
      }
    >
      <div ref={list} tabIndex={-1} className="suggested-questions">
        <Loaded resource={suggested}>
          {(data) =>
            data.questions.length === 0 ? (
              <EmptyState>
                <p>Every suggestion was asked recently. Browse the question bank for more.</p>
              </EmptyState>
            ) : (
              <ul className="list">
                {data.questions.map((q) => (
                  <SuggestedItem key={q.id} pmId={pmId} question={q} onAsked={asked} />
                ))}
              </ul>
            )
          }
        </Loaded>
      </div>
      <p>
        <Link to="/questions">Browse the question bank</Link>
      </p>
    </Section>
  );
}

function SuggestedItem({
  pmId,
  question,
  onAsked,
}: {
  pmId: string;
  question: SuggestedQuestion;
  onAsked: () => void;
}) {
  const announce = useAnnounce();
  const mark = useAction(() =>
    api('POST', `/api/pms/${encodeURIComponent(pmId)}/questions/asked`, { questionIds: [question.id] }),
  );
  return (
    <li className="list-item">
      <div className="item-main">
        <p className="item-title question-text">{question.text}</p>
        <p className="item-meta">Why: {question.why}</p>
        <FormError message={mark.error} />
      </div>
      <div className="actions">
        <Button
          variant="secondary"
          pending={mark.pending}
          pendingLabel="Marking…"
          aria-label={`Mark as asked: ${question.text}`}
          onClick={async () => {
            if ((await mark.run()) === undefined) return;
            announce('Marked as asked. It will not be suggested again for 60 days.');
            onAsked();
          }}
        >
          Mark as asked
        </Button>
      </div>
    </li>
  );
}
