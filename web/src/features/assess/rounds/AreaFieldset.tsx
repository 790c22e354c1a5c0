import type { RoundDetail } from '../../../../../common/wheel-rounds';
import { TextArea } from '../../../ui/TextArea';
import { ScoreScale } from './ScoreScale';

type Area = RoundDetail['frameworkVersion']['areas'][number];

interface AreaFieldsetProps {
  area: Area;
  index: number;
  scale: { min: number; max: number };
  scores: Record<string, number>;
  note: string;
  ends: { low: string; high: string };
  noteLabel: string;
  onScore: (statementKey: string, value: number) => void;
  onNote: (note: string) => void;
}

/** One area of an assessment: its statements to score and an optional note. */
export function AreaFieldset({
  area,
  index,
  scale,
  scores,
  note,
  ends,
  noteLabel,
  onScore,
  onNote,
}: AreaFieldsetProps) {
  const scored = area.statements.filter((s) => scores[s.key] !== undefined).length;
  const done = scored === area.statements.length;
  return (
    <section className="card assess-area" id={`area-${area.key}`} aria-labelledby={`area-title-${area.key}`}>
      <div className="assess-area-head">
        <h2 id={`area-title-${area.key}`}>
          {index + 1}. {area.name}
        </h2>
        <p className={`area-progress ${done ? 'done' : ''}`}>
          {done ? '✓ ' : ''}
          {scored} of {area.statements.length} scored
        </p>
      </div>
      {area.description && <p className="section-intro">{area.description}</p>}
      {(area.low || area.middle || area.high) && (
        <details className="levels-details">
          <summary>What low, middle and high look like</summary>
          <dl className="levels">
            {area.low && <Level term="Low" text={area.low} />}
            {area.middle && <Level term="Middle" text={area.middle} />}
            {area.high && <Level term="High" text={area.high} />}
          </dl>
        </details>
      )}
      {area.statements.map((s) => (
        <ScoreScale
          key={s.key}
          statement={s.text}
          name={s.key}
          scale={scale}
          value={scores[s.key]}
          ends={ends}
          onChange={(v) => onScore(s.key, v)}
        />
      ))}
      <TextArea
        label={noteLabel}
        hint="Optional. What's behind these scores: an example, or what got in the way."
        value={note}
        maxLength={2000}
        rows={2}
        onChange={(e) => onNote(e.target.value)}
      />
    </section>
  );
}

function Level({ term, text }: { term: string; text: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{text}</dd>
    </div>
  );
}
