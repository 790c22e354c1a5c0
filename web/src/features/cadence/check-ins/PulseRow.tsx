import { useId, useState, type FormEvent } from 'react';
import type { Pulse, PulseBoard } from '../../../../../common/check-ins';
import { api } from '../../../api';
import { useResource, type Resource } from '../../../app/use-resource';
import { FormError } from '../../../ui/FormError';
import { Loaded } from '../../../ui/Loaded';
import { useAction } from '../../../ui/use-action';

const SCORES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** A one-tap 1–10 on an area of the PM's framework, then "what would make it one point higher?". */
export function PulseRow({ pmId, loaded }: { pmId: string; loaded?: Resource<PulseBoard> }) {
  // Home reads the board with its other data (so the row does not push the page down when it comes).
  const own = useResource<PulseBoard>(loaded ? null : `/api/pms/${encodeURIComponent(pmId)}/pulses`);
  const board = loaded ?? own;
  return (
    <Loaded resource={board}>
      {(data) => <PulseForm pmId={pmId} board={data} onSaved={board.reload} />}
    </Loaded>
  );
}

function PulseForm({ pmId, board, onSaved }: { pmId: string; board: PulseBoard; onSaved: () => void }) {
  // A different area each day, so the question moves round the wheel; the PM can change it.
  const [areaKey, setAreaKey] = useState(
    () => board.areas[Math.floor(Date.now() / 86_400_000) % board.areas.length]?.key ?? '',
  );
  const [pulse, setPulse] = useState<Pulse | null>(null);
  const [higher, setHigher] = useState('');
  const [answered, setAnswered] = useState(false);
  const id = useId();
  const area = board.areas.find((a) => a.key === areaKey);
  const tap = useAction((score: number) =>
    api<Pulse>('POST', `/api/pms/${pmId}/pulses`, { key: areaKey, score }),
  );
  const answer = useAction((text: string) =>
    api<Pulse>('PATCH', `/api/pms/${pmId}/pulses/${pulse!.id}`, { higher: text }),
  );
  if (!area) return null;

  const onTap = async (score: number) => {
    const saved = await tap.run(score);
    if (saved) {
      setPulse(saved);
      setAnswered(false);
      setHigher('');
      onSaved();
    }
  };
  const onAnswer = async (e: FormEvent) => {
    e.preventDefault();
    if (await answer.run(higher)) {
      setAnswered(true);
      onSaved();
    }
  };
  const series = area.pulses.map((p) => p.score);

  return (
    <div className="pulse">
      <div className="field pulse-area">
        <label htmlFor={`${id}-area`}>Pulse on</label>
        <select
          id={`${id}-area`}
          value={areaKey}
          onChange={(e) => {
            setAreaKey(e.target.value);
            setPulse(null);
          }}
        >
          {board.areas.map((a) => (
            <option key={a.key} value={a.key}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div role="group" aria-labelledby={`${id}-question`} className="pulse-row">
        <p id={`${id}-question`} className="pulse-question">
          How do you feel about {area.name} today? (1 low, 10 high)
        </p>
        <div className="pulse-scores">
          {SCORES.map((n) => (
            <button
              key={n}
              type="button"
              className="pulse-score"
              aria-pressed={pulse?.key === areaKey && pulse.score === n}
              disabled={tap.pending}
              onClick={() => void onTap(n)}
            >
              {n}
            </button>
          ))}
        </div>
      </div>
      <FormError message={tap.error} />
      {series.length > 0 && (
        <p className="hint">
          Your last {series.length === 1 ? 'pulse' : `${series.length} pulses`} on {area.name}:{' '}
          {series.join(', ')}
        </p>
      )}
      <div role="status">
        {pulse && pulse.key === areaKey && (
          <p>
            Saved: {pulse.score} of 10 on {area.name}.
          </p>
        )}
      </div>
      {pulse && pulse.key === areaKey && !answered && pulse.score < 10 && (
        <form className="form pulse-higher" onSubmit={onAnswer}>
          <div className="field">
            <label htmlFor={`${id}-higher`}>
              What would make it {pulse.score + 1 === 8 ? 'an' : 'a'} {pulse.score + 1}? (optional)
            </label>
            <input
              id={`${id}-higher`}
              value={higher}
              maxLength={300}
              onChange={(e) => setHigher(e.target.value)}
            />
          </div>
          <FormError message={answer.error} />
          <button
            type="submit"
            className="button button-secondary"
            disabled={answer.pending || !higher.trim()}
          >
            Add this line
          </button>
        </form>
      )}
      {answered && <p role="status">Thanks, noted for your next conversation.</p>}
    </div>
  );
}
