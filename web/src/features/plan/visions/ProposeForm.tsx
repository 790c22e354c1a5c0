import { useState, type FormEvent } from 'react';
import { useFormDraft } from '../../../ui/autosave/use-form-draft';
import type { Vision, VisionVersion } from '../../../../../common/visions';
import { api } from '../../../api';
import { useAnnounce } from '../../../app/announcer';
import { Button } from '../../../ui/Button';
import { FormError } from '../../../ui/FormError';
import { useAction } from '../../../ui/use-action';
import { TextArea } from '../../../ui/TextArea';

const labels = {
  nextBiggerChallenge: 'Next Bigger Challenge',
  careerDirection: 'Career direction',
  note: 'Note',
};

interface ProposeFormProps {
  vision: Vision;
  /** The words to start from: the open proposal, or what was agreed. */
  start: VisionVersion | null;
  onProposed: (vision: Vision) => void;
  submitLabel: string;
}

/** Proposes a vision (or a change to the open proposal); the wheel's Next Bigger Challenge is one click away. */
export function ProposeForm({ vision, start, onProposed, submitLabel }: ProposeFormProps) {
  const announce = useAnnounce();
  const [initial] = useState(() => ({
    nextBiggerChallenge: start?.nextBiggerChallenge ?? '',
    careerDirection: start?.careerDirection ?? '',
    note: '',
  }));
  const [form, setForm] = useState(initial);
  // Not sent yet: the three texts are one local draft (decision 063).
  const draft = useFormDraft(
    `vision:${vision.pmId}:proposal`,
    JSON.stringify(form),
    (text) => {
      try {
        setForm({ ...initial, ...(JSON.parse(text) as Partial<typeof form>) });
      } catch {
        // A draft we cannot read is no draft.
      }
    },
    JSON.stringify(initial),
  );
  const propose = useAction(
    () => api<Vision>('POST', `/api/pms/${encodeURIComponent(vision.pmId)}/vision/proposals`, form),
    labels,
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next = await propose.run();
    if (!next) return;
    draft.clear();
    onProposed(next);
    announce('Proposal sent. It is agreed once the other side accepts it.');
  };
  const round = vision.latestRound;
  const fromWheel = [
    round?.self && { who: vision.viewer.side === 'pm' ? 'you' : 'the PM', text: round.self },
    round?.coach && { who: vision.viewer.side === 'coach' ? 'you' : 'your coach', text: round.coach },
  ].filter(
    (x): x is { who: string; text: string } =>
      Boolean(x) && (x as { text: string }).text !== form.nextBiggerChallenge,
  );
  return (
    <form className="form" onSubmit={submit}>
      {round && fromWheel.length > 0 && (
        <div className="from-wheel">
          <p className="hint">In “{round.title}”, the Next Bigger Challenge was:</p>
          <ul className="list">
            {fromWheel.map((x) => (
              <li key={x.who} className="list-item">
                <p className="item-main">
                  “{x.text}” <span className="item-meta">({x.who})</span>
                </p>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => setForm({ ...form, nextBiggerChallenge: x.text })}
                >
                  Use these words<span className="visually-hidden"> ({x.who})</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <TextArea
        label="Next Bigger Challenge"
        hint="The concrete project or responsibility that comes next when ready."
        value={form.nextBiggerChallenge}
        maxLength={1000}
        onChange={(e) => setForm({ ...form, nextBiggerChallenge: e.target.value })}
      />
      <TextArea
        label="Career direction"
        hint="Where to grow in the longer term; it may reach beyond this company."
        value={form.careerDirection}
        maxLength={2000}
        onChange={(e) => setForm({ ...form, careerDirection: e.target.value })}
      />
      <TextArea
        label="Note"
        hint="Optional: why this, or what changed."
        rows={2}
        value={form.note}
        maxLength={1000}
        onChange={(e) => setForm({ ...form, note: e.target.value })}
      />
      <p className="hint" aria-live="polite">
        {draft.note}
      </p>
      <FormError message={propose.error} />
      <Button type="submit" pending={propose.pending} pendingLabel="Proposing…">
        {submitLabel}
      </Button>
    </form>
  );
}
