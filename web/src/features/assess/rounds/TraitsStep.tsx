import { useState } from 'react';
import type { RoundTraits } from '../../../../../common/round-traits';
import { api } from '../../../api';
import { FormError } from '../../../ui/FormError';
import { Section } from '../../../ui/Section';
import { TextArea } from '../../../ui/TextArea';
import { useAction } from '../../../ui/use-action';

/**
 * The traits step of an assessment: a line of words per trait of the framework, never a score.
 * Saved when a field is left; blind like the scores (the other side reads them after the reveal).
 */
export function TraitsStep({
  pmId,
  roundId,
  traits,
  pmFirst,
}: {
  pmId: string;
  roundId: string;
  traits: RoundTraits;
  /** null when the viewer is the PM. */
  pmFirst: string | null;
}) {
  const side = traits.viewerSide;
  const own = (t: RoundTraits['traits'][number]) => (side === 'coach' ? t.coach : t.self) ?? '';
  const [words, setWords] = useState<Record<string, string>>(() =>
    Object.fromEntries(traits.traits.map((t) => [t.key, own(t)])),
  );
  const [saved, setSaved] = useState<Record<string, string>>(words);
  const [status, setStatus] = useState('');
  const save = useAction((body: unknown) =>
    api<RoundTraits>(
      'PUT',
      `/api/pms/${encodeURIComponent(pmId)}/rounds/${encodeURIComponent(roundId)}/traits`,
      body,
    ),
  );
  if (!side || traits.traits.length === 0) return null;

  const saveOne = async (key: string, name: string) => {
    const value = (words[key] ?? '').trim();
    if (value === (saved[key] ?? '').trim()) return;
    const result = await save.run({ words: { [key]: value } });
    if (!result) return;
    setSaved({ ...saved, [key]: value });
    setStatus(`Saved your words on ${name.toLowerCase()}.`);
  };
  const whose = pmFirst === null ? 'you' : pmFirst;
  return (
    <Section
      title="Traits in words"
      intro={`No score here: a line each on how ${whose} ${pmFirst === null ? 'show' : 'shows'} these traits today. Optional; the other side reads them once both of you have submitted.`}
    >
      <div className="traits-step">
        {traits.traits.map((t) => (
          <TextArea
            key={t.key}
            label={t.name}
            hint={t.description}
            rows={2}
            maxLength={500}
            value={words[t.key] ?? ''}
            onChange={(e) => setWords({ ...words, [t.key]: e.target.value })}
            onBlur={() => void saveOne(t.key, t.name)}
          />
        ))}
      </div>
      <FormError message={save.error} />
      <p role="status" className="hint">
        {save.pending ? 'Saving…' : status}
      </p>
    </Section>
  );
}
