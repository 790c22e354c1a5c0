import { useState, type FormEvent } from 'react';
import type { Assessment, RoundDetail, AssessmentSide } from '../../../../../common/wheel-rounds';
import { api, ApiError } from '../../../api';
import { Button } from '../../../ui/Button';
import { FormError } from '../../../ui/FormError';
import { TextArea } from '../../../ui/TextArea';
import { AreaFieldset } from './AreaFieldset';
import { AssessmentProgress } from './AssessmentProgress';
import { initialAnswers, missingByArea, missingMessage, type Answers } from './assessment-state';
import { useAutosave } from './use-autosave';

interface AssessmentEditorProps {
  round: RoundDetail;
  side: AssessmentSide;
  saved: Assessment;
  /** The PM's first name (the coach's form speaks of them). */
  pm: string;
  onSubmitted: () => void;
}

/** The assessment form: every area on one page, autosaved as a draft, submitted when complete. */
export function AssessmentEditor({ round, side, saved, pm, onSubmitted }: AssessmentEditorProps) {
  const url = `/api/rounds/${round.id}/assessments/${side}`;
  const autosave = useAutosave(url, `wheelhouse-draft:${round.id}:${side}`);
  const [answers, setAnswers] = useState<Answers>(() => initialAnswers(saved, autosave.recovered));
  const [problem, setProblem] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const version = round.frameworkVersion;
  const isSelf = side === 'self';
  const total = version.areas.reduce((n, a) => n + a.statements.length, 0);
  const answered = version.areas.reduce(
    (n, a) => n + a.statements.filter((s) => answers.scores[s.key] !== undefined).length,
    0,
  );
  const ends = isSelf
    ? { low: 'rarely true of me today', high: 'true of me; others learn it from me' }
    : { low: `rarely true of ${pm} today`, high: `true of ${pm}; others learn it from them` };

  const score = (key: string, value: number) => {
    setAnswers((a) => ({ ...a, scores: { ...a.scores, [key]: value } }));
    autosave.change({ scores: { [key]: value } }, 300);
  };
  const note = (areaKey: string, text: string) => {
    setAnswers((a) => ({ ...a, notes: { ...a.notes, [areaKey]: text } }));
    autosave.change({ notes: { [areaKey]: text.trim() ? text : null } }, 800);
  };
  const challenge = (text: string) => {
    setAnswers((a) => ({ ...a, nextBiggerChallenge: text }));
    autosave.change({ nextBiggerChallenge: text.trim() ? text : null }, 800);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing = missingByArea(round, answers.scores);
    if (missing.length) {
      setProblem(missingMessage(missing));
      document
        .querySelector<HTMLInputElement>(`#score-${CSS.escape(missing[0]!.missing[0]!.key)} input`)
        ?.focus();
      return;
    }
    if (!isSelf && !answers.nextBiggerChallenge.trim()) {
      setProblem(
        `Name the Next Bigger Challenge for ${pm}: the concrete project or responsibility they would get next, if ready.`,
      );
      document.getElementById('next-bigger-challenge')?.focus();
      return;
    }
    setProblem('');
    setSubmitting(true);
    try {
      const unsaved = await autosave.takePending();
      await api<Assessment>('POST', `${url}/submit`, unsaved);
      autosave.clear();
      onSubmitted();
    } catch (err) {
      setProblem(err instanceof ApiError ? err.message : 'Something went wrong. Please try again.');
      void autosave.flush();
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form className="assessment" onSubmit={submit} noValidate>
      <AssessmentProgress
        answered={answered}
        total={total}
        status={autosave.status}
        onRetry={() => void autosave.flush()}
      />
      {version.description && <p className="section-intro">{version.description}</p>}
      {version.areas.map((area, i) => (
        <AreaFieldset
          key={area.key}
          area={area}
          index={i}
          scale={version.scale}
          scores={answers.scores}
          note={answers.notes[area.key] ?? ''}
          ends={ends}
          noteLabel={isSelf ? `Your note on ${area.name}` : `Your note on ${area.name} for ${pm}`}
          onScore={score}
          onNote={(text) => note(area.key, text)}
        />
      ))}
      <section className="card" aria-labelledby="nbc-heading">
        <h2 id="nbc-heading">Next Bigger Challenge</h2>
        <TextArea
          id="next-bigger-challenge"
          label={
            isSelf
              ? 'The next bigger challenge you would like (optional)'
              : `The next bigger challenge for ${pm}`
          }
          hint={
            isSelf
              ? 'A concrete project or responsibility you would take on next, if ready. For example: “Lead the H2 strategy planning”.'
              : `The concrete project or responsibility ${pm} would get next if ready. Required to submit.`
          }
          value={answers.nextBiggerChallenge}
          maxLength={1000}
          onChange={(e) => challenge(e.target.value)}
        />
      </section>
      <section className="card submit-card" aria-labelledby="submit-heading">
        <h2 id="submit-heading">Submit</h2>
        <p>
          Once submitted, your {isSelf ? 'self-assessment' : 'assessment'} can no longer change.{' '}
          {isSelf ? 'Your coach' : pm} sees it only when they have submitted theirs too.
        </p>
        <FormError message={problem} />
        <Button type="submit" pending={submitting} pendingLabel="Submitting…">
          Submit {isSelf ? 'self-assessment' : 'assessment'}
        </Button>
      </section>
    </form>
  );
}
