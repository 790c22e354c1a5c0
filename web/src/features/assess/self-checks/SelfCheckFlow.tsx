import { useRef, useState } from 'react';
import type { SelfCheck } from '../../../../../common/self-checks';
import { api } from '../../../api';
import { useResource } from '../../../app/use-resource';
import { Button } from '../../../ui/Button';
import { Field } from '../../../ui/Field';
import { FormError } from '../../../ui/FormError';
import { Loaded } from '../../../ui/Loaded';
import { useAction } from '../../../ui/use-action';
import { ScoreScale } from '../rounds/ScoreScale';

const ends = { low: 'rarely true of me today', high: 'true of me; others learn it from me' };

/** A draft self-check, one area per screen (then the traits in words), saved on every tap. */
export function SelfCheckFlow({
  pmId,
  id,
  onSubmitted,
}: {
  pmId: string;
  id: string;
  onSubmitted: (s: SelfCheck) => void;
}) {
  const draft = useResource<SelfCheck>(`/api/pms/${encodeURIComponent(pmId)}/self-checks/${id}`);
  return (
    <Loaded resource={draft}>{(d) => <Steps pmId={pmId} initial={d} onSubmitted={onSubmitted} />}</Loaded>
  );
}

function Steps({
  pmId,
  initial,
  onSubmitted,
}: {
  pmId: string;
  initial: SelfCheck;
  onSubmitted: (s: SelfCheck) => void;
}) {
  const url = `/api/pms/${pmId}/self-checks/${initial.id}`;
  const version = initial.frameworkVersion;
  const [step, setStep] = useState(0);
  const [scores, setScores] = useState<Record<string, number>>(initial.scores);
  const [traits, setTraits] = useState<Record<string, string>>(initial.traits);
  const [saveError, setSaveError] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const submit = useAction(() => api<SelfCheck>('POST', `${url}/submit`, { scores, traits: filled(traits) }));
  const areas = version.areas;
  const last = areas.length; // the traits step
  const area = areas[step];

  const save = (body: unknown) =>
    api('PATCH', url, body).then(
      () => setSaveError(''),
      () => setSaveError('Could not save that. Check your connection; your answer is kept here.'),
    );
  const move = (to: number) => {
    setStep(to);
    // Focus the new screen's heading, so keyboard and screen-reader users start at its top.
    requestAnimationFrame(() => heading.current?.focus());
  };
  const missing = areas.flatMap((a) => a.statements.filter((s) => scores[s.key] === undefined));

  return (
    <div className="self-check-flow">
      <p className="hint" aria-live="polite">
        {area ? `Area ${step + 1} of ${areas.length}` : 'Last step'} · {Object.keys(scores).length} of{' '}
        {initial.total} scored
      </p>
      <h3 ref={heading} tabIndex={-1} className="self-check-step-title">
        {area ? area.name : 'Traits, in your own words'}
      </h3>
      {area ? (
        <>
          {area.description && <p className="section-intro">{area.description}</p>}
          {area.statements.map((s) => (
            <ScoreScale
              key={s.key}
              statement={s.text}
              name={`sc-${s.key}`}
              scale={version.scale}
              value={scores[s.key]}
              ends={ends}
              onChange={(v) => {
                setScores((all) => ({ ...all, [s.key]: v }));
                void save({ scores: { [s.key]: v } });
              }}
            />
          ))}
        </>
      ) : (
        <>
          <p className="section-intro">
            Optional: a line about each trait as you see it now. Words, never a score.
          </p>
          {version.traits.map((t) => (
            <Field
              key={t.key}
              label={t.name}
              hint={t.description}
              value={traits[t.key] ?? ''}
              maxLength={300}
              onChange={(e) => setTraits((all) => ({ ...all, [t.key]: e.target.value }))}
              onBlur={(e) => void save({ traits: { [t.key]: e.target.value.trim() || null } })}
            />
          ))}
        </>
      )}
      <FormError message={saveError || submit.error} />
      <div className="self-check-nav">
        {step > 0 && (
          <Button className="tap" variant="secondary" onClick={() => move(step - 1)}>
            Back
          </Button>
        )}
        {step < last ? (
          <Button className="tap" onClick={() => move(step + 1)}>
            {step + 1 < last ? 'Next area' : version.traits.length ? 'Next: traits' : 'Next'}
          </Button>
        ) : (
          <Button
            className="tap"
            pending={submit.pending}
            pendingLabel="Submitting…"
            onClick={async () => {
              const done = await submit.run();
              if (done) onSubmitted(done);
            }}
          >
            Submit self-check
          </Button>
        )}
      </div>
      {step === last && missing.length > 0 && (
        <p className="hint">
          {missing.length} statement{missing.length === 1 ? '' : 's'} still to score: go back to{' '}
          {areas.find((a) => a.statements.some((s) => s.key === missing[0]!.key))!.name}.
        </p>
      )}
    </div>
  );
}

const filled = (traits: Record<string, string>) =>
  Object.fromEntries(Object.entries(traits).map(([k, v]) => [k, v.trim() || null]));
