import type { SuggestedQuestions as Suggested } from '../../../../common/questions';
import { api } from '../../api';
import { useAnnounce } from '../../app/announcer';
import { Link } from '../../app/router';
import { useResource } from '../../app/use-resource';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { FormError } from '../../ui/FormError';
import { Loaded } from '../../ui/Loaded';
import { Section } from '../../ui/Section';
import { useAction } from '../../ui/use-action';
import '../../styles/questions.css';

/** A few questions for the pair's next conversation, in the PM's own words, each with why it was chosen. */
export function SuggestedQuestions({ pmId, isPm, pmName }: { pmId: string; isPm: boolean; pmName: string }) {
  const path = `/api/pms/${encodeURIComponent(pmId)}/questions/suggested?limit=3`;
  const suggested = useResource<Suggested>(path);
  const announce = useAnnounce();
  const mark = useAction((id: string) =>
    api('POST', `/api/pms/${encodeURIComponent(pmId)}/questions/asked`, { questionIds: [id] }),
  );
  return (
    <Section
      title="Suggested questions"
      intro={
        isPm
          ? 'Questions to think about before your next conversation, chosen from your wheel and plan.'
          : `Questions for your next conversation with ${pmName}, chosen from their wheel and plan.`
      }
    >
      <Loaded resource={suggested}>
        {(data) =>
          data.questions.length === 0 ? (
            <EmptyState>
              <p>Every suggestion was asked recently. Browse the question bank for more.</p>
            </EmptyState>
          ) : (
            <ul className="list">
              {data.questions.map((q) => (
                <li key={q.id} className="list-item">
                  <div className="item-main">
                    <p className="item-title question-text">{q.text}</p>
                    <p className="item-meta">Why: {q.why}</p>
                  </div>
                  <div className="actions">
                    <Button
                      variant="secondary"
                      pending={mark.pending}
                      pendingLabel="Marking…"
                      aria-label={`Mark as asked: ${q.text}`}
                      onClick={async () => {
                        if ((await mark.run(q.id)) === undefined) return;
                        announce('Marked as asked. It will not be suggested again for 60 days.');
                        suggested.reload();
                      }}
                    >
                      Mark as asked
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <FormError message={mark.error} />
      <p>
        <Link to="/questions">Browse the question bank</Link>
      </p>
    </Section>
  );
}
