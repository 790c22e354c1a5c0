import { useState, type FormEvent } from 'react';
import type { PeerReview } from '../../../../../common/wheel-peers';
import { api } from '../../../api';
import { Button } from '../../../ui/Button';
import { FormError } from '../../../ui/FormError';
import { useAction } from '../../../ui/use-action';
import { firstName } from '../../../ui/format';
import { TextArea } from '../../../ui/TextArea';
import { ScoreScale } from '../rounds/ScoreScale';

/** Every statement to score, a note per area, one submit (a peer answers once). */
export function PeerReviewForm({
  token,
  review,
  onAnswered,
}: {
  token: string;
  review: PeerReview;
  onAnswered: (r: PeerReview) => void;
}) {
  const pm = firstName(review.pmName);
  const [scores, setScores] = useState<Record<string, number>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState('');
  const send = useAction(() =>
    api<PeerReview>('POST', `/api/peer-reviews/${encodeURIComponent(token)}`, {
      scores,
      notes: Object.fromEntries(Object.entries(notes).filter(([, v]) => v.trim())),
    }),
  );
  const { scale, areas } = review.framework;
  const total = areas.reduce((n, a) => n + a.statements.length, 0);
  const answered = Object.keys(scores).length;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing = areas.flatMap((a) => a.statements.filter((s) => scores[s.key] === undefined));
    if (missing.length) {
      setProblem(
        `${missing.length} statement${missing.length === 1 ? '' : 's'} still need${missing.length === 1 ? 's' : ''} a score.`,
      );
      document.querySelector<HTMLInputElement>(`#score-${CSS.escape(missing[0]!.key)} input`)?.focus();
      return;
    }
    setProblem('');
    const result = await send.run();
    if (result) onAnswered(result);
  };
  return (
    <form className="assessment" onSubmit={submit} noValidate>
      <div className="assess-progress">
        <div className="assess-progress-count">
          <label htmlFor="peer-progress">
            {answered} of {total} scored
          </label>
          <progress id="peer-progress" max={total} value={answered} />
        </div>
      </div>
      {areas.map((area, i) => (
        <section key={area.key} className="card assess-area" aria-labelledby={`peer-area-${area.key}`}>
          <h2 id={`peer-area-${area.key}`}>
            {i + 1}. {area.name}
          </h2>
          {area.description && <p className="section-intro">{area.description}</p>}
          {area.statements.map((s) => (
            <ScoreScale
              key={s.key}
              statement={s.text}
              name={s.key}
              scale={scale}
              value={scores[s.key]}
              ends={{ low: `rarely true of ${pm}`, high: `true of ${pm}; others learn it from them` }}
              onChange={(v) => setScores((x) => ({ ...x, [s.key]: v }))}
            />
          ))}
          <TextArea
            label={`Your note on ${area.name} (optional)`}
            value={notes[area.key] ?? ''}
            maxLength={2000}
            rows={2}
            onChange={(e) => setNotes((x) => ({ ...x, [area.key]: e.target.value }))}
          />
        </section>
      ))}
      <section className="card submit-card" aria-labelledby="peer-submit">
        <h2 id="peer-submit">Send your scores</h2>
        <p>You can send them once; afterwards they can't be changed.</p>
        <FormError message={problem || send.error} />
        <Button type="submit" pending={send.pending} pendingLabel="Sending…">
          Send scores to {pm}
        </Button>
      </section>
    </form>
  );
}
